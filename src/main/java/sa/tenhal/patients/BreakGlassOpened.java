package sa.tenhal.patients;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/**
 * A clinician opened a patient outside their care team, with a reason ("break the glass"). The audit trail records it
 * with the reason; managers are told, and review it.
 */
@DomainEvent
public record BreakGlassOpened(UUID access, PatientId patient, UUID userId, String reason, Instant until, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("BreakGlass", access, AuditAction.BREAK_GLASS)
                .patient(patient.value())
                .note(reason);
    }
}
