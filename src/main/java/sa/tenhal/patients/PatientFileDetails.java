package sa.tenhal.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient file with its history (opened, closed, reopened, moved by a merge: when, why, by whom). */
public record PatientFileDetails(
        UUID id,
        PatientId patientId,
        String centreCode,
        String number,
        FileStatus status,
        Instant openedAt,
        Instant closedAt,
        String closeReason,
        List<Entry> history,
        long version) {

    public record Entry(String action, String reason, Instant at, UUID byUser) {}
}
