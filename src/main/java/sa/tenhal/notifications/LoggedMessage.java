package sa.tenhal.notifications;

import java.time.Instant;
import java.util.UUID;

/** One line of the delivery log. */
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
        Instant failedAt) {}
