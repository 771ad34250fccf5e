package sa.tenhal.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the delivery log.
 *
 * @param fallbackOf the message this one stands in for, if it is a patient's further channel (HELD until that fails)
 * @param contentSid the approved WhatsApp template it goes as (Twilio's content SID), if any
 * @param contentVariables that template's variables, as JSON
 */
public record LoggedMessage(
        UUID id,
        String kind,
        String source,
        String recipientType,
        UUID recipientId,
        Channel channel,
        String address,
        String language,
        String subject,
        String body,
        boolean urgent,
        MessageStatus status,
        int attempts,
        Integer segments,
        String provider,
        String providerMessageId,
        String lastError,
        Instant createdAt,
        Instant sendAfter,
        Instant lastAttemptAt,
        Instant sentAt,
        Instant deliveredAt,
        Instant failedAt,
        UUID fallbackOf,
        String contentSid,
        String contentVariables) {

    /** The approved template this message goes as, if any. */
    WhatsappContent content() {
        return contentSid == null
                ? null
                : WhatsappContent.of(contentSid, contentVariables == null ? "{}" : contentVariables);
    }
}
