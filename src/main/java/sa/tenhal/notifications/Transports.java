package sa.tenhal.notifications;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Where messages leave Tenhal: SMTP and an SMS/WhatsApp provider, or on the embedded default the outbox.
 *
 * <p>A message whose earlier attempt may have reached the provider — its node stopped mid-send, or the provider did not
 * answer in time — is not simply sent again: {@link Email#accepted} and {@link Text#accepted} ask the provider first,
 * where it can tell. Where it cannot (SMTP), the message is sent again as itself (the same {@code Message-ID}).
 */
final class Transports {

    private Transports() {}

    /**
     * The provider has the message already.
     *
     * @param providerId the provider's id for it
     * @param text what the provider holds as its text, when it says (for the segment count), else null
     */
    record Accepted(String providerId, String text) {}

    interface Email {
        /** The transport's name for the log, e.g. {@code smtp}, {@code outbox}. */
        String name();

        /** Sends one email; returns the provider's message id. */
        String send(
                UUID messageId,
                String to,
                String subject,
                String html,
                String text,
                java.util.List<Attachment> attachments)
                throws DeliveryFailure;

        /**
         * Whether the provider accepted this message on an earlier attempt: empty if it did not, or if it cannot say
         * (see {@link #canTell()}). A provider that cannot be asked right now throws a retryable failure: the message
         * is then not sent blind.
         *
         * @param recorded whether a provider id belongs to a message of the log already (so it is not this one)
         */
        default Optional<Accepted> accepted(LoggedMessage message, Predicate<String> recorded) throws DeliveryFailure {
            return Optional.empty();
        }

        /** Whether {@link #accepted} can tell; if not, a message is sent again (as itself) after an interruption. */
        default boolean canTell() {
            return false;
        }

        /**
         * Whether this transport writes to Tenhal's own database (the outbox): it is then handed the message inside
         * the transaction that records it SENT, one commit for both.
         */
        default boolean inDatabase() {
            return false;
        }
    }

    /** SMS and WhatsApp. A second provider (a Saudi SMS gateway) implements this too. */
    interface Text {
        String name();

        /**
         * Sends one text; returns the provider's message id.
         *
         * @param text the message as free text (the outbox shows it; WhatsApp takes it only inside a conversation)
         * @param template the approved WhatsApp template to send instead, if any (links resolved in its values)
         */
        String send(UUID messageId, Channel channel, String to, String text, WhatsappContent template)
                throws DeliveryFailure;

        /** As {@link Email#accepted}. */
        default Optional<Accepted> accepted(LoggedMessage message, Predicate<String> recorded) throws DeliveryFailure {
            return Optional.empty();
        }

        /** As {@link Email#canTell}. */
        default boolean canTell() {
            return false;
        }

        /** As {@link Email#inDatabase}. */
        default boolean inDatabase() {
            return false;
        }
    }
}
