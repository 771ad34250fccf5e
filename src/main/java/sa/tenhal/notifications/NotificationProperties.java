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
 * @param sendsAtOnce messages this node hands to a provider outside (SMTP, Twilio) at once; the others wait, queued,
 *     their job threads free for other work ({@link SendPlaces}; 8, half of the node's job threads)
 * @param mailFrom the From of emails
 * @param smtp the SMTP server; empty host means the outbox
 * @param twilio Twilio's account; empty account sid means the outbox
 * @param whatsappTemplates the approved WhatsApp template (Twilio Content API) of each message kind, per language
 *     ({@code ar}, {@code en}): {@code tenhal.notifications.whatsapp-templates.<kind>.<language>.content-sid} and
 *     {@code .variables} (the message's values that fill {@code {{1}}}, {@code {{2}}}, … in order). A WhatsApp message the
 *     clinic starts goes as its template; one without a template goes as free text, which WhatsApp refuses outside a
 *     24-hour conversation window (the message then falls back to the patient's next channel)
 */
@ConfigurationProperties("tenhal.notifications")
record NotificationProperties(
        LocalTime quietStart,
        LocalTime quietEnd,
        Integer maxAttempts,
        Duration sendingStuckAfter,
        Integer sendsAtOnce,
        String mailFrom,
        Smtp smtp,
        Twilio twilio,
        java.util.Map<String, java.util.Map<String, WhatsappTemplate>> whatsappTemplates) {

    NotificationProperties {
        quietStart = quietStart == null ? LocalTime.of(22, 0) : quietStart;
        quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        sendingStuckAfter = sendingStuckAfter == null ? Duration.ofMinutes(2) : sendingStuckAfter;
        sendsAtOnce = sendsAtOnce == null ? 8 : sendsAtOnce;
        if (sendsAtOnce < 1) {
            throw new IllegalArgumentException(
                    "tenhal.notifications.sends-at-once must be at least 1, not " + sendsAtOnce);
        }
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "Tenhal <no-reply@tenhal.local>" : mailFrom;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null) : smtp;
        twilio = twilio == null ? new Twilio(null, null, null, null, null, null, null, null) : twilio;
        whatsappTemplates = whatsappTemplates == null ? java.util.Map.of() : whatsappTemplates;
    }

    /** The approved template of a message kind in a language, if one is configured. */
    java.util.Optional<WhatsappTemplate> whatsappTemplate(String kind, sa.tenhal.shared.Language language) {
        var byLanguage = whatsappTemplates.get(kind);
        if (byLanguage == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(byLanguage.get(language.name().toLowerCase()))
                .filter(t -> t.contentSid() != null && !t.contentSid().isBlank());
    }

    /**
     * An approved WhatsApp template.
     *
     * @param contentSid Twilio's content SID ({@code HX…})
     * @param variables the names of the message's values (e.g. {@code name}, {@code when}, {@code link}) that fill
     *     the template's variables 1, 2, … in order
     */
    record WhatsappTemplate(String contentSid, java.util.List<String> variables) {

        WhatsappTemplate {
            variables = variables == null ? java.util.List.of() : java.util.List.copyOf(variables);
        }
    }

    /** An SMTP server; empty host means the outbox. */
    record Smtp(
            String host,
            Integer port,
            String username,
            String password,
            Boolean starttls,
            Duration timeout,
            Journal journal) {

        Smtp {
            port = port == null ? 587 : port;
            starttls = starttls == null ? Boolean.TRUE : starttls;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            journal = journal == null ? new Journal(null, null, null, null, null, null, null) : journal;
        }

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * A mailbox the clinic owns that gets a blind copy of every email, read over IMAP: the SMTP server stores that copy
     * in the same transaction in which it accepts the message, so after an interrupted attempt Tenhal asks the journal
     * whether the server has the message ({@code Message-ID}) instead of sending it blind. Off unless an address is set.
     *
     * @param address the journal's address (Bcc), e.g. {@code tenhal-journal@clinic.sa}
     * @param imapHost its IMAP server (the SMTP host if empty)
     * @param imapPort 993 with {@code ssl}, 143 without
     * @param folder where the copies land, {@code INBOX} unless a rule files them elsewhere
     */
    record Journal(
            String address,
            String imapHost,
            Integer imapPort,
            String username,
            String password,
            String folder,
            Boolean ssl) {

        Journal {
            ssl = ssl == null ? Boolean.TRUE : ssl;
            imapPort = imapPort == null ? (ssl ? 993 : 143) : imapPort;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        }

        boolean configured() {
            return address != null && !address.isBlank();
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
