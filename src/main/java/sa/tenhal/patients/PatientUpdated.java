package sa.tenhal.patients;

import java.time.Instant;
import java.util.Set;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A patient's details changed; names the fields, never their values. */
@DomainEvent
public record PatientUpdated(PatientId patient, Set<String> changedFields, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Patient", patient.value(), AuditAction.UPDATE)
                .patient(patient.value())
                .fields(changedFields);
    }
}
