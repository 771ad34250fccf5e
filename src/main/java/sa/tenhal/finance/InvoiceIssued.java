package sa.tenhal.finance;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An invoice, credit note or debit note was issued: it has its number and never changes again. */
@DomainEvent
public record InvoiceIssued(InvoiceId invoice, DocumentKind kind, Payer payer, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Invoice", invoice.value(), AuditAction.CONFIRM).note("issued " + kind);
    }
}
