package sa.tenhal.patients;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A consent was withdrawn. */
@DomainEvent
public record ConsentWithdrawn(UUID consentId, PatientId patient, ConsentKind kind, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Consent", consentId, AuditAction.WITHDRAW)
                .patient(patient.value())
                .note(kind.name());
    }
}
