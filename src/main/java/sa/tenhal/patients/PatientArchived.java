package sa.tenhal.patients;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A patient was archived: out of search and booking, history kept, restorable. */
@DomainEvent
public record PatientArchived(PatientId patient, String reason, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Patient", patient.value(), AuditAction.ARCHIVE)
                .patient(patient.value())
                .note(reason);
    }
}
