package sa.tenhal.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.PermanentJobFailure;

/**
 * Delivers one message (the {@code deliver-message} job): no message lost, and a duplicate only for a message in flight
 * at the instant of a crash.
 *
 * <ol>
 *   <li>The message is claimed (QUEUED → SENDING, attempt counted, committed), so that no other node hands it over.
 *   <li>A message that an earlier attempt left SENDING — its node stopped mid-send, or could not record the outcome —
 *       is taken over once that attempt is older than {@code sendingStuckAfter} (well beyond the transports' timeouts,
 *       so a live node has finished with it by then). db-scheduler revives the job of a node that stopped
 *       heartbeating; {@link MessageRecovery} schedules it again when no job is left.
 *   <li>On any attempt after the first, the provider is asked whether it has the message already, where it can tell
 *       (Twilio's Messages list, the outbox): if so it is recorded SENT with the provider's id and not sent again.
 *       Where it cannot (SMTP), it is sent again as itself, with the same {@code Message-ID}.
 *   <li>The message is handed over and recorded SENT — together with the owner's "sent" time ({@link SentReceipts}).
 * </ol>
 *
 * Transient failures are retried (3 attempts, growing delays); permanent ones are not. A message that fails for good
 * is dead-lettered (see {@link #deadLetter}).
 */
@Component
class MessageDelivery implements OneTimeJobHandler<Void> {

    /** A message that has been handed over this often without an outcome is given up (FAILED), not tried forever. */
    static final int GIVE_UP_AFTER_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    /** Between a text and its template's values while their links are minted (never in either). */
    private static final String SEPARATOR = "\u0000";

    private final DeliveryLog messages;
    private final Transports.Email email;
    private final Transports.Text text;
    private final SecretLinks links;
    private final SentReceipts receipts;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final ClinicTime time;
    // looked up when a message fails: the job engine needs this handler before the Jobs that Messages uses exists
    private final org.springframework.beans.factory.ObjectProvider<Messages> outbox;

    MessageDelivery(
            DeliveryLog messages,
            Transports.Email email,
            Transports.Text text,
            SecretLinks links,
            SentReceipts receipts,
            TransactionTemplate transactions,
            NotificationProperties properties,
            ClinicTime time,
            org.springframework.beans.factory.ObjectProvider<Messages> outbox) {
        this.outbox = outbox;
        this.messages = messages;
        this.email = email;
        this.text = text;
        this.links = links;
        this.receipts = receipts;
        this.transactions = transactions;
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
        Optional<LoggedMessage> claimed = messages.claimQueued(id, now);
        if (claimed.isEmpty()) {
            claimed = messages.takeOver(id, now.minus(properties.sendingStuckAfter()), now);
            claimed.ifPresent(m -> log.info(
                    "Message {} ({}) was left SENDING by an attempt that never finished; recovering it (attempt {})",
                    id,
                    m.channel(),
                    m.attempts()));
        }
        if (claimed.isEmpty()) {
            // Gone, handled, or SENDING by an attempt younger than sendingStuckAfter: a live node may still be sending
            // it. If that node has in fact stopped, MessageRecovery schedules this job again once the attempt is old.
            return;
        }
        LoggedMessage message = claimed.get();
        if (message.attempts() > GIVE_UP_AFTER_ATTEMPTS) {
            log.warn("Message {} ({}) given up after {} attempts", id, message.channel(), message.attempts());
            failForGood(message, "given up after " + message.attempts() + " attempts without an outcome");
            throw deadLetter(message);
        }
        try {
            if (message.attempts() > 1 && alreadyAccepted(message)) {
                return;
            }
            hand(message);
        } catch (DeliveryFailure failure) {
            handleFailure(message, failure);
        } catch (RuntimeException unexpected) {
            // e.g. a link that cannot be minted: counted like a provider error, so that it cannot loop for ever
            handleFailure(message, DeliveryFailure.retryable("unexpected error: " + unexpected, unexpected));
        }
    }

    /**
     * An earlier attempt may have reached the provider (it was interrupted, or timed out): asks the provider, where it
     * can tell, and records the message SENT if it has it.
     */
    private boolean alreadyAccepted(LoggedMessage message) throws DeliveryFailure {
        boolean isEmail = message.channel() == Channel.EMAIL;
        Optional<Transports.Accepted> accepted = isEmail
                ? email.accepted(message, messages::knowsProviderId)
                : text.accepted(message, messages::knowsProviderId);
        if (accepted.isEmpty()) {
            if (isEmail ? !email.canTell() : !text.canTell()) {
                log.info(
                        "Message {} ({}) may have left on an earlier attempt; {} cannot tell, so it goes again as itself",
                        message.id(),
                        message.channel(),
                        isEmail ? email.name() : text.name());
            }
            return false;
        }
        Transports.Accepted found = accepted.get();
        log.info(
                "Message {} ({}) had reached {} on an earlier attempt ({}); recorded SENT, not sent again",
                message.id(),
                message.channel(),
                isEmail ? email.name() : text.name(),
                found.providerId());
        recordSent(
                message,
                isEmail ? email.name() : text.name(),
                found.providerId(),
                isEmail || found.text() == null ? null : SmsSegments.count(found.text()));
        return true;
    }

    private void hand(LoggedMessage message) throws DeliveryFailure {
        UUID id = message.id();
        if (message.channel() == Channel.EMAIL) {
            String html = links.resolve(message.body());
            String providerId = email.send(
                    id, message.address(), message.subject(), html, HtmlToText.convert(html), messages.attachments(id));
            recordSent(message, email.name(), providerId, null);
        } else {
            String body = links.resolve(message.body());
            WhatsappContent template = message.content();
            if (template != null) {
                // text and template resolved together, so that each link is minted once and both carry the same
                String[] both = links.resolve(message.body() + SEPARATOR + template.variablesJson())
                        .split(SEPARATOR, 2);
                body = both[0];
                template = WhatsappContent.of(template.contentSid(), both[1]);
            }
            String providerId = text.send(id, message.channel(), message.address(), body, template);
            recordSent(message, text.name(), providerId, SmsSegments.count(body));
        }
    }

    /** SENT, and the owner's "sent" time, in one transaction. */
    private void recordSent(LoggedMessage message, String provider, String providerId, Integer segments) {
        Instant at = time.now();
        transactions.executeWithoutResult(status -> {
            if (messages.sent(message.id(), provider, providerId, segments, at)) {
                receipts.sent(message, at);
            }
        });
    }

    private void handleFailure(LoggedMessage message, DeliveryFailure failure) throws DeliveryFailure {
        UUID id = message.id();
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
        failForGood(message, failure.getMessage());
        throw deadLetter(message);
    }

    /**
     * FAILED, and the patient's next channel (held behind this one) queued, in one transaction: a crash leaves either
     * both undone (the message is retried) or both done (the fallback is delivered, by its job or by recovery).
     */
    private void failForGood(LoggedMessage message, String error) {
        transactions.executeWithoutResult(status -> {
            messages.failed(message.id(), error, time.now());
            outbox.getObject()
                    .fallBack(message.id())
                    .ifPresent(next -> log.info(
                            "Message {} ({}) failed; the patient's next channel takes it ({})",
                            message.id(),
                            message.channel(),
                            next));
        });
    }

    /**
     * A message past its retry budget, or refused for good, is dead-lettered: FAILED in the delivery log (with the
     * provider's error), and its job recorded as failed for good — on the failed-jobs page, and admins are told
     * ({@code JobFailed}). The job's error names the message, never its address or the provider's words (which may
     * quote the address).
     */
    private static PermanentJobFailure deadLetter(LoggedMessage message) {
        return new PermanentJobFailure("message " + message.id() + " (" + message.channel() + ") failed after "
                + message.attempts() + " attempt(s); its last error is in the delivery log");
    }
}
