package sa.tenhal.notifications;

import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.confirmation.Confirmations;

/**
 * Tells the module that asked for a message that it has left Tenhal — in the transaction that records it SENT, so
 * that a module's "sent" time is set if and only if the message was. Today the confirmation workflow keeps such times
 * ({@code sentAt}, {@code lastReminderAt}); modules that only record that they asked (the reminders' and referrals'
 * markers, an invoice's reminder count) need no receipt.
 */
@Component
class SentReceipts {

    // looked up when a message is sent: the delivery job exists before the job engine, which the workflow uses
    private final ObjectProvider<Confirmations> confirmations;

    SentReceipts(ObjectProvider<Confirmations> confirmations) {
        this.confirmations = confirmations;
    }

    void sent(LoggedMessage message, Instant at) {
        switch (message.kind()) {
            case ConfirmationMessages.REQUEST, ConfirmationMessages.REMINDER, ConfirmationMessages.MOVED -> {
                // source: ConfirmationRequested:<confirmation id>:<reminder number, 0 for the request>
                String[] parts = message.source().split(":");
                confirmations.getObject().messageSent(UUID.fromString(parts[1]), Integer.parseInt(parts[2]), at);
            }
            default -> {
                // no one keeps a sent time of this kind
            }
        }
    }
}
