package sa.tenhal.platform;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone read patient data outside the patients module's own record views: one record (an appointment, a referral,
 * an invoice) or a list (a search, a day list, a calendar, an export). The audit trail writes one entry per read that
 * names every patient it showed, so that a copy of the registry can never be taken without a trace.
 *
 * @param recordType what was read, e.g. {@code Appointment}, {@code AppointmentList}
 * @param recordId the record, for a single read; null for a list
 * @param view which screen or endpoint, e.g. {@code desk}, {@code api:appointments}, {@code export:financial-report}
 * @param patients every patient the answer named
 */
@DomainEvent
public record PatientDataRead(String recordType, UUID recordId, String view, Set<UUID> patients, Instant at)
        implements AuditableEvent {

    public PatientDataRead {
        patients = Set.copyOf(patients);
    }

    @Override
    public Audited audited() {
        Audited entry = Audited.of(recordType, recordId, recordId == null ? AuditAction.LIST : AuditAction.READ)
                .note(view);
        return patients.size() == 1 && recordId != null
                ? entry.patient(patients.iterator().next())
                : entry.listed(patients);
    }
}
