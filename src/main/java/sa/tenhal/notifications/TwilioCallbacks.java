package sa.tenhal.notifications;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What Twilio's webhooks mean: a message's fate, or a patient's reply. Authentic only with Twilio's signature. */
@Service
public class TwilioCallbacks {

    /**
     * The query parameter of the status callback URL that names Tenhal's message: Twilio calls back only for messages
     * it has, so any callback naming one says that it left — even if the node that sent it stopped before recording so.
     */
    public static final String MESSAGE_PARAMETER = "message";

    private final NotificationProperties properties;
    private final DeliveryLog log;
    private final InboundMessages inbound;
    private final SentReceipts receipts;
    private final Clock clock;
    private final String baseUrl;
    private final Messages messages;

    TwilioCallbacks(
            NotificationProperties properties,
            DeliveryLog log,
            InboundMessages inbound,
            SentReceipts receipts,
            Clock clock,
            @Value("${tenhal.base-url}") String baseUrl,
            Messages messages) {
        this.messages = messages;
        this.properties = properties;
        this.log = log;
        this.inbound = inbound;
        this.receipts = receipts;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The signature is computed over the public URL Twilio called ({@code tenhal.base-url} + path + query). */
    public boolean authentic(String path, String query, Map<String, String> params, String signature) {
        String url = baseUrl + path + (query == null ? "" : "?" + query);
        return TwilioSignature.valid(properties.twilio().authToken(), url, params, signature);
    }

    /**
     * A status callback: Twilio has message {@code messageSid} (Tenhal's {@code messageId}, named by the callback URL,
     * if given), and it is now {@code status}.
     */
    @Transactional
    public void status(String messageSid, String status, String errorCode, String messageId) {
        if (messageSid == null || status == null) {
            return;
        }
        UUID id = uuid(messageId);
        if (id != null) {
            log.acceptedByProvider(id, "twilio", messageSid, clock.instant())
                    .ifPresent(message -> receipts.sent(message, clock.instant()));
        }
        switch (status) {
            case "delivered", "read" ->
                log.providerReported(messageSid, MessageStatus.DELIVERED, null, clock.instant());
            case "failed", "undelivered" -> {
                // e.g. WhatsApp refused a template, or a free text outside the conversation window (63016): the
                // patient's next channel takes the message, in this transaction
                for (UUID failed : log.failedAtProvider(
                        messageSid,
                        "Twilio reported " + status + (errorCode == null ? "" : " (error " + errorCode + ")"),
                        clock.instant())) {
                    messages.fallBack(failed);
                }
            }
            default -> {
                // queued, sending, sent: nothing new
            }
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    public void inbound(String messageSid, String from, String body) {
        try {
            inbound.receive(messageSid, from, body);
        } catch (IllegalArgumentException notAPhone) {
            // A reply from something that is not a phone number is no one we asked.
        }
    }
}
