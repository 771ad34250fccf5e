package sa.tenhal.notifications;

import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** What Twilio's webhooks mean: a message's fate, or a patient's reply. Authentic only with Twilio's signature. */
@Service
public class TwilioCallbacks {

    private final NotificationProperties properties;
    private final DeliveryLog log;
    private final InboundMessages inbound;
    private final Clock clock;
    private final String baseUrl;

    TwilioCallbacks(
            NotificationProperties properties,
            DeliveryLog log,
            InboundMessages inbound,
            Clock clock,
            @Value("${tenhal.base-url}") String baseUrl) {
        this.properties = properties;
        this.log = log;
        this.inbound = inbound;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The signature is computed over the public URL Twilio called ({@code tenhal.base-url} + path + query). */
    public boolean authentic(String path, String query, Map<String, String> params, String signature) {
        String url = baseUrl + path + (query == null ? "" : "?" + query);
        return TwilioSignature.valid(properties.twilio().authToken(), url, params, signature);
    }

    public void status(String messageSid, String status, String errorCode) {
        if (messageSid == null || status == null) {
            return;
        }
        switch (status) {
            case "delivered", "read" ->
                log.providerReported(messageSid, MessageStatus.DELIVERED, null, clock.instant());
            case "failed", "undelivered" ->
                log.providerReported(
                        messageSid,
                        MessageStatus.FAILED,
                        "Twilio reported " + status + (errorCode == null ? "" : " (error " + errorCode + ")"),
                        clock.instant());
            default -> {
                // queued, sending, sent: nothing new
            }
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
