package sa.tenhal.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of the audit trail; a list read names every patient it returned in {@code listedPatients}. */
public record AuditEntry(
        long id,
        Instant at,
        UUID userId,
        String username,
        String address,
        String recordType,
        UUID recordId,
        UUID patientId,
        UUID relatedPatientId,
        String action,
        List<String> changedFields,
        String note,
        List<UUID> listedPatients) {}
