package sa.tenhal.notifications;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.appointments.confirmation.ConfirmationRequested;

/**
 * A confirmation request's message could not be composed in the transaction that asked for it (a template that did
 * not render); the request committed, and its message is composed after the commit, retried until it is. Internal to
 * the notifications module.
 */
@DomainEvent
record ConfirmationMessageOwed(ConfirmationRequested requested, Instant at) {}
