package sa.tenhal.notifications;

import java.util.UUID;

/** Where messages leave Tenhal: SMTP and an SMS/WhatsApp provider, or on the embedded default the outbox. */
final class Transports {

    private Transports() {}

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
    }

    /** SMS and WhatsApp. A second provider (a Saudi SMS gateway) implements this too. */
    interface Text {
        String name();

        String send(UUID messageId, Channel channel, String to, String text) throws DeliveryFailure;
    }
}
