package sa.tenhal.patients;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A closed patient file was reopened. */
@DomainEvent
public record PatientFileReopened(UUID fileId, PatientId patient, String reason, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("PatientFile", fileId, AuditAction.REOPEN)
                .patient(patient.value())
                .note(reason);
    }
}
