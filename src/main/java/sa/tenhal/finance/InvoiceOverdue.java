package sa.tenhal.finance;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An invoice is past its due date and still open; {@code reminder} counts the reminders on the escalation schedule
 * (1 for the first), so each one is sent once.
 */
@DomainEvent
public record InvoiceOverdue(InvoiceId invoice, int reminder, Instant at) {}
