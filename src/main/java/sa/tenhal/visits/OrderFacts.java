package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.patients.PatientId;

/**
 * What the system needs of an order to send it to a lab or imaging centre and to file what comes back: no note text.
 *
 * @param orderedBy the clinician who placed it (the one told when the result arrives); null for an order the system
 *     placed
 */
public record OrderFacts(
        UUID orderId,
        VisitId visitId,
        PatientId patientId,
        OrderKind kind,
        String code,
        String display,
        OrderStatus status,
        UUID orderedBy,
        Instant orderedAt) {}
