package sa.tenhal.patients;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A manager reviewed a break-the-glass access (and may have noted what they found). */
@DomainEvent
public record BreakGlassReviewed(UUID access, PatientId patient, String note, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("BreakGlass", access, AuditAction.REVIEW)
                .patient(patient.value())
                .note(note);
    }
}
