package sa.tenhal.patients;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An archived patient was restored. */
@DomainEvent
public record PatientRestored(PatientId patient, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Patient", patient.value(), AuditAction.RESTORE).patient(patient.value());
    }
}
