package sa.tenhal.patients;

import java.time.Instant;
import java.util.UUID;

/** A consent: what, who signed (patient or which guardian), which text version, when given and when withdrawn. */
public record ConsentDetails(
        UUID id,
        PatientId patientId,
        ConsentKind kind,
        ConsentForm.GivenBy givenBy,
        UUID guardianId,
        String signerName,
        String textVersion,
        Instant givenAt,
        Instant withdrawnAt,
        String withdrawalReason,
        UUID recordedBy,
        Instant recordedAt) {

    public boolean isActive() {
        return withdrawnAt == null;
    }
}
