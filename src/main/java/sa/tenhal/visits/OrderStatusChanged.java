package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An order moved on: sent, resulted or reviewed. */
@DomainEvent
public record OrderStatusChanged(UUID orderId, VisitId visitId, PatientId patientId, OrderStatus status, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitOrder", orderId, AuditAction.UPDATE)
                .patient(patientId.value())
                .note(status.name());
    }
}
