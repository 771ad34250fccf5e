package sa.tenhal.finance;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A payment was recorded and allocated; the invoices it paid already show their new status. */
@DomainEvent
public record PaymentReceived(PaymentId payment, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Payment", payment.value(), AuditAction.CREATE);
    }
}
