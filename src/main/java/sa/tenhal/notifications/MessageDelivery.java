package sa.tenhal.notifications;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;

/**
 * Delivers one message (the {@code deliver-message} job). The message is first claimed (QUEUED → SENDING, committed),
 * then handed to the transport, then marked SENT. So a node that dies after the claim leaves it SENDING, and the
 * revived job marks it FAILED instead of sending again: a message is sent at most once. Transient failures are
 * retried by the job (3 attempts, growing delays); permanent ones are not.
 */
@Component
class MessageDelivery implements OneTimeJobHandler<Void> {

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final DeliveryLog messages;
    private final Transports.Email email;
    private final Transports.Text text;
    private final SecretLinks links;
    private final NotificationProperties properties;
    private final ClinicTime time;

    MessageDelivery(
            DeliveryLog messages,
            Transports.Email email,
            Transports.Text text,
            SecretLinks links,
            NotificationProperties properties,
            ClinicTime time) {
        this.messages = messages;
        this.email = email;
        this.text = text;
        this.links = links;
        this.properties = properties;
        this.time = time;
    }

    @Override
    public OneTimeJob<Void> job() {
        return Messages.DELIVER;
    }

    @Override
    public void run(String instanceId, Void data) throws DeliveryFailure {
        UUID id = UUID.fromString(instanceId);
        Instant now = time.now();
        LoggedMessage message = messages.claimQueued(id, now).orElse(null);
        if (message == null) {
            // Not queued: gone, already handled, or SENDING because a node stopped in the middle of sending it.
            messages.find(id)
                    .filter(m -> m.status() == MessageStatus.SENDING)
                    .filter(m -> m.lastAttemptAt() == null
                            || m.lastAttemptAt()
                                    .plus(properties.sendingStuckAfter())
                                    .isBefore(now))
                    .ifPresent(m -> messages.failed(
                            id,
                            "interrupted while sending (the node stopped); not sent again, so that it is never sent twice",
                            now));
            return;
        }
        try {
            String providerId;
            Integer segments = null;
            String provider;
            if (message.channel() == Channel.EMAIL) {
                String html = links.resolve(message.body());
                providerId = email.send(
                        id,
                        message.address(),
                        message.subject(),
                        html,
                        HtmlToText.convert(html),
                        messages.attachments(id));
                provider = email.name();
            } else {
                String body = links.resolve(message.body());
                segments = SmsSegments.count(body);
                providerId = text.send(id, message.channel(), message.address(), body);
                provider = text.name();
            }
            messages.sent(id, provider, providerId, segments, time.now());
        } catch (DeliveryFailure failure) {
            int attempts = message.attempts();
            if (failure.retryable() && attempts < properties.maxAttempts()) {
                messages.requeue(id, failure.getMessage());
                log.info(
                        "Message {} ({}) not delivered on attempt {}; will retry: {}",
                        id,
                        message.channel(),
                        attempts,
                        failure.getMessage());
                throw failure;
            }
            log.warn(
                    "Message {} ({}) failed after {} attempt(s): {}",
                    id,
                    message.channel(),
                    attempts,
                    failure.getMessage());
            messages.failed(id, failure.getMessage(), time.now());
        }
    }
}
