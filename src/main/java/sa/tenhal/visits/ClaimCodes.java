package sa.tenhal.visits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an insurance claim needs of a visit, and nothing of its note: the coded diagnoses, the services performed, and
 * the orders' codes. Finance staff read this ({@code PatientData.CLAIM_CODES}), never the note.
 */
public record ClaimCodes(
        UUID visitId,
        UUID appointmentId,
        UUID patientId,
        Instant visitAt,
        List<Diagnosis> diagnoses,
        List<PerformedService> services,
        List<Order> orders) {

    public record Diagnosis(String system, String code, boolean primary) {}

    public record Order(OrderKind kind, String system, String code) {}
}
