package sa.tenhal.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One break-the-glass access, as the managers' review list shows it: who opened which patient, why, until when, and
 * whether a manager has reviewed it.
 */
public record BreakGlassAccess(
        UUID id,
        UUID userId,
        String username,
        PatientId patientId,
        String patientMrn,
        String patientNameEn,
        String patientNameAr,
        LocalDate patientBirthDate,
        String reason,
        Instant openedAt,
        Instant expiresAt,
        UUID reviewedBy,
        String reviewedByUsername,
        Instant reviewedAt,
        String reviewNote) {

    public boolean reviewed() {
        return reviewedAt != null;
    }
}
