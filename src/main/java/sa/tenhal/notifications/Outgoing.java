package sa.tenhal.notifications;

import java.util.List;
import java.util.Map;

/**
 * A message to compose and send.
 *
 * @param kind the message kind, which names its templates ({@code notifications/<kind>/…})
 * @param source what caused it, e.g. {@code StaffUserCreated:<userId>}; with recipient, channel and kind it makes the
 *     idempotency key, so the same cause never sends the same message twice
 * @param channels the channels to use, in the order of preference; each one the recipient can be reached by is used
 * @param model values for the templates
 * @param urgent urgent messages ignore quiet hours
 * @param attachments files for the email (ignored on other channels)
 */
record Outgoing(
        String kind,
        String source,
        Recipient recipient,
        List<Channel> channels,
        Map<String, Object> model,
        boolean urgent,
        List<Attachment> attachments) {

    Outgoing {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    Outgoing(
            String kind,
            String source,
            Recipient recipient,
            List<Channel> channels,
            Map<String, Object> model,
            boolean urgent) {
        this(kind, source, recipient, channels, model, urgent, List.of());
    }
}
