package sa.tenhal.visits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.tenhal.clinics.Discipline;

/**
 * A visit record as a clinician reads it: the note (SOAP or session), its signature and addenda, and what was
 * recorded in the visit.
 */
public record VisitView(
        UUID id,
        UUID appointmentId,
        UUID patientId,
        UUID clinicId,
        UUID providerId,
        UUID serviceId,
        Discipline discipline,
        NoteKind noteKind,
        Instant visitAt,
        NoteContent note,
        boolean signed,
        Instant signedAt,
        UUID signedBy,
        String signedByName,
        List<AddendumView> addenda,
        List<VitalsView> vitals,
        List<DiagnosisView> diagnoses,
        List<PerformedService> services,
        List<OrderView> orders,
        long version) {

    /** A later change to the signed note. */
    public record AddendumView(UUID id, String text, Instant writtenAt, UUID writtenBy, String writtenByName) {}
}
