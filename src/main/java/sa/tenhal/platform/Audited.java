package sa.tenhal.platform;

import java.util.Set;
import java.util.UUID;

/**
 * What the audit trail records of an event: the record (type and id), the action, the patient it concerns (and a
 * second one, e.g. the merged record of a merge), every patient a list named, the names of changed fields, and a
 * short non-clinical note (a reason, a number).
 */
public record Audited(
        String recordType,
        UUID recordId,
        AuditAction action,
        UUID patientId,
        UUID relatedPatientId,
        Set<String> changedFields,
        String note,
        Set<UUID> listedPatients) {

    public Audited {
        changedFields = changedFields == null ? Set.of() : Set.copyOf(changedFields);
        listedPatients = listedPatients == null ? Set.of() : Set.copyOf(listedPatients);
    }

    public Audited(
            String recordType,
            UUID recordId,
            AuditAction action,
            UUID patientId,
            UUID relatedPatientId,
            Set<String> changedFields,
            String note) {
        this(recordType, recordId, action, patientId, relatedPatientId, changedFields, note, Set.of());
    }

    public static Audited of(String recordType, UUID recordId, AuditAction action) {
        return new Audited(recordType, recordId, action, null, null, Set.of(), null);
    }

    /** The patients a list, search or export returned (one entry names them all). */
    public Audited listed(java.util.Collection<UUID> patients) {
        return new Audited(
                recordType,
                recordId,
                action,
                patientId,
                relatedPatientId,
                changedFields,
                note,
                new java.util.LinkedHashSet<>(patients));
    }

    public Audited patient(UUID id) {
        return new Audited(recordType, recordId, action, id, relatedPatientId, changedFields, note, listedPatients);
    }

    public Audited relatedPatient(UUID id) {
        return new Audited(recordType, recordId, action, patientId, id, changedFields, note, listedPatients);
    }

    public Audited fields(Set<String> names) {
        return new Audited(recordType, recordId, action, patientId, relatedPatientId, names, note, listedPatients);
    }

    public Audited note(String text) {
        return new Audited(
                recordType, recordId, action, patientId, relatedPatientId, changedFields, text, listedPatients);
    }
}
