package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A laboratory or imaging order was placed in a visit. */
@DomainEvent
public record OrderPlaced(UUID orderId, VisitId visitId, PatientId patientId, OrderKind kind, String code, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitOrder", orderId, AuditAction.CREATE).patient(patientId.value());
    }
}
