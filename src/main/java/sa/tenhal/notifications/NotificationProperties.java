package sa.tenhal.notifications;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param quietStart non-urgent SMS and WhatsApp wait from this local time …
 * @param quietEnd … until this local time (the next morning)
 * @param maxAttempts attempts per message before it is FAILED
 * @param sendingStuckAfter a message still SENDING this long after its last attempt was interrupted (its node stopped,
 *     or could not record the outcome): another attempt takes it over, asking the provider first where it can tell.
 *     Far longer than the transports' timeouts, so that a live node has finished with a message before anyone else
 *     may take it (2 minutes)
 * @param mailFrom the From of emails
 * @param smtp the SMTP server; empty host means the outbox
 * @param twilio Twilio's account; empty account sid means the outbox
 */
@ConfigurationProperties("tenhal.notifications")
record NotificationProperties(
        LocalTime quietStart,
        LocalTime quietEnd,
        Integer maxAttempts,
        Duration sendingStuckAfter,
        String mailFrom,
        Smtp smtp,
        Twilio twilio) {

    NotificationProperties {
        quietStart = quietStart == null ? LocalTime.of(22, 0) : quietStart;
        quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        sendingStuckAfter = sendingStuckAfter == null ? Duration.ofMinutes(2) : sendingStuckAfter;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "Tenhal <no-reply@tenhal.local>" : mailFrom;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null) : smtp;
        twilio = twilio == null ? new Twilio(null, null, null, null, null, null, null, null) : twilio;
    }

    /** An SMTP server; empty host means the outbox. */
    record Smtp(String host, Integer port, String username, String password, Boolean starttls, Duration timeout) {

        Smtp {
            port = port == null ? 587 : port;
            starttls = starttls == null ? Boolean.TRUE : starttls;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param apiUrl Twilio's API base, {@code https://api.twilio.com}
     * @param messagingServiceSid send through a messaging service instead of a From number, if set
     */
    record Twilio(
            String accountSid,
            String authToken,
            String smsFrom,
            String whatsappFrom,
            String messagingServiceSid,
            String apiUrl,
            Duration connectTimeout,
            Duration readTimeout) {

        Twilio {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        }

        boolean configured() {
            return accountSid != null && !accountSid.isBlank();
        }
    }
}
