package sa.tenhal.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.JobDeferred;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.PermanentJobFailure;

/**
 * Delivers one message (the {@code deliver-message} job): no message lost, and a duplicate only for a message in flight
 * at the instant of a crash.
 *
 * <ol>
 *   <li>For a provider outside (not the outbox), the delivery first takes a place among the node's sends ({@link
 *       SendPlaces}); with none free within a second its job is deferred, before anything below happens.
 *   <li>The message is claimed (QUEUED → SENDING, attempt counted, committed), so that no other node hands it over.
 *   <li>A message that an earlier attempt left SENDING — its node stopped mid-send, or could not record the outcome —
 *       is taken over once that attempt is older than {@code sendingStuckAfter} (well beyond the transports' timeouts,
 *       so a live node has finished with it by then). db-scheduler revives the job of a node that stopped
 *       heartbeating; {@link MessageRecovery} schedules it again when no job is left.
 *   <li>On any attempt after the first, the provider is asked whether it has the message already, where it can tell
 *       (Twilio's Messages list, the outbox): if so it is recorded SENT with the provider's id and not sent again.
 *       Where it cannot (SMTP), it is sent again as itself, with the same {@code Message-ID}.
 *   <li>The message is handed over and recorded SENT — together with the owner's "sent" time ({@link SentReceipts}) and
 *       the end of its job, one commit.
 * </ol>
 *
 * On the embedded default, where the outbox in Tenhal's own database is every transport, the three are one transaction.
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
    private final SendPlaces places;
    private final ClinicTime time;
    // looked up when a message fails: the job engine needs this handler before the Jobs that Messages uses exists
    private final org.springframework.beans.factory.ObjectProvider<Messages> outbox;
    // the same: looked up when a message is recorded sent
    private final org.springframework.beans.factory.ObjectProvider<Jobs> jobs;

    MessageDelivery(
            DeliveryLog messages,
            Transports.Email email,
            Transports.Text text,
            SecretLinks links,
            SentReceipts receipts,
            TransactionTemplate transactions,
            NotificationProperties properties,
            SendPlaces places,
            ClinicTime time,
            org.springframework.beans.factory.ObjectProvider<Messages> outbox,
            org.springframework.beans.factory.ObjectProvider<Jobs> jobs) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.messages = messages;
        this.email = email;
        this.text = text;
        this.links = links;
        this.receipts = receipts;
        this.transactions = transactions;
        this.properties = properties;
        this.places = places;
        this.time = time;
    }

    @Override
    public OneTimeJob<Void> job() {
        return Messages.DELIVER;
    }

    @Override
    public void run(String instanceId, Void data) throws DeliveryFailure {
        UUID id = UUID.fromString(instanceId);
        if (email.inDatabase() && text.inDatabase()) {
            Instant now = time.now();
            if (!deliveredInOneTransaction(id, now)) {
                deliver(id, now);
            }
            return;
        }
        // A provider outside: a place among this node's sends, or the job comes back later — before the message is
        // claimed, so that it stays queued and untouched (SendPlaces).
        if (!places.take()) {
            throw new JobDeferred(
                    "every place for a send on this node is taken; message " + id + " waits, queued",
                    places.comeBackAfter());
        }
        try {
            deliver(id, time.now());
        } finally {
            places.give();
        }
    }

    /** Claims the message, hands it over and records the outcome (the usual path, steps 2–5 above). */
    private void deliver(UUID id, Instant now) throws DeliveryFailure {
        Optional<Prepared> claimed;
        try {
            // the claim and the links the message carries, one commit
            claimed = transactions.execute(status -> claim(id, now).map(this::prepare));
        } catch (RuntimeException unexpected) {
            // e.g. a link that cannot be minted (rolled back with the claim): the attempt is claimed alone and counted
            // like a provider error, so that it cannot loop for ever
            Optional<LoggedMessage> alone = claim(id, now);
            if (alone.isPresent()) {
                handleFailure(alone.get(), DeliveryFailure.retryable("unexpected error: " + unexpected, unexpected));
            }
            return;
        }
        if (claimed.isEmpty()) {
            // Gone, handled, or SENDING by an attempt younger than sendingStuckAfter: a live node may still be sending
            // it. If that node has in fact stopped, MessageRecovery schedules this job again once the attempt is old.
            return;
        }
        Prepared prepared = claimed.get();
        LoggedMessage message = prepared.message();
        if (message.attempts() > GIVE_UP_AFTER_ATTEMPTS) {
            log.warn("Message {} ({}) given up after {} attempts", id, message.channel(), message.attempts());
            failForGood(message, "given up after " + message.attempts() + " attempts without an outcome");
            throw deadLetter(message);
        }
        try {
            if (message.attempts() > 1 && alreadyAccepted(message)) {
                return;
            }
            hand(prepared);
        } catch (DeliveryFailure failure) {
            handleFailure(message, failure);
        } catch (RuntimeException unexpected) {
            handleFailure(message, DeliveryFailure.retryable("unexpected error: " + unexpected, unexpected));
        }
    }

    /**
     * Where every transport writes to Tenhal's own database (the outbox of the embedded default), a queued message is
     * claimed, handed over and recorded SENT in one transaction: nothing leaves the database, so there is no moment at
     * which it could have left without being recorded, and the claim needs no commit of its own. False when it is not
     * queued (taken over, or handled elsewhere) or when anything in that transaction failed (rolled back whole): the
     * usual path then runs, with its claim, its counted attempt and its retries.
     */
    private boolean deliveredInOneTransaction(UUID id, Instant now) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Optional<LoggedMessage> claimed = messages.claimQueued(id, now);
                if (claimed.isEmpty() || claimed.get().attempts() > GIVE_UP_AFTER_ATTEMPTS) {
                    status.setRollbackOnly();
                    return false;
                }
                handOverCarryingFailure(prepare(claimed.get()));
                return true;
            }));
        } catch (RuntimeException failed) {
            log.info("Message {} not delivered in one transaction ({}); trying the usual way", id, failed.toString());
            return false;
        }
    }

    /**
     * A queued message, or one an earlier attempt left SENDING too long ago, handed to this attempt. (After the
     * one-transaction attempt found a message not queued, this asks again: a rare path, and the state may have moved.)
     */
    private Optional<LoggedMessage> claim(UUID id, Instant now) {
        Optional<LoggedMessage> claimed = messages.claimQueued(id, now);
        if (claimed.isEmpty()) {
            claimed = messages.takeOver(id, now.minus(properties.sendingStuckAfter()), now);
            claimed.ifPresent(m -> log.info(
                    "Message {} ({}) was left SENDING by an attempt that never finished; recovering it (attempt {})",
                    id,
                    m.channel(),
                    m.attempts()));
        }
        return claimed;
    }

    /** A claimed message as it leaves: its links minted (once for a text and its template's values together). */
    private record Prepared(LoggedMessage message, String body, WhatsappContent template) {}

    private Prepared prepare(LoggedMessage message) {
        if (message.attempts() > GIVE_UP_AFTER_ATTEMPTS) {
            return new Prepared(message, null, null);
        }
        WhatsappContent template = message.content();
        if (message.channel() == Channel.EMAIL || template == null) {
            return new Prepared(message, links.resolve(message.body()), template);
        }
        // text and template resolved together, so that each link is minted once and both carry the same
        String[] both = links.resolve(message.body() + SEPARATOR + template.variablesJson())
                .split(SEPARATOR, 2);
        return new Prepared(message, both[0], WhatsappContent.of(template.contentSid(), both[1]));
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
        transactions.executeWithoutResult(status -> recordSent(
                message,
                isEmail ? email.name() : text.name(),
                found.providerId(),
                isEmail || found.text() == null ? null : SmsSegments.count(found.text())));
        return true;
    }

    /**
     * Hands the message over and records it SENT. A transport that writes to Tenhal's own database (the outbox) is
     * handed the message inside the transaction that records it, so that both are one commit; any other is handed it
     * first, and the record follows in a transaction of its own.
     */
    private void hand(Prepared prepared) throws DeliveryFailure {
        LoggedMessage message = prepared.message();
        boolean inDatabase = message.channel() == Channel.EMAIL ? email.inDatabase() : text.inDatabase();
        if (!inDatabase) {
            handOver(prepared);
            return;
        }
        try {
            transactions.executeWithoutResult(status -> handOverCarryingFailure(prepared));
        } catch (FailedInTransaction failed) {
            throw failed.failure;
        }
    }

    /** {@link #handOver} inside a transaction's callback: a transport's failure rolls it back and is carried out. */
    private void handOverCarryingFailure(Prepared prepared) {
        try {
            handOver(prepared);
        } catch (DeliveryFailure failure) {
            throw new FailedInTransaction(failure);
        }
    }

    private void handOver(Prepared prepared) throws DeliveryFailure {
        LoggedMessage message = prepared.message();
        UUID id = message.id();
        if (message.channel() == Channel.EMAIL) {
            String html = prepared.body();
            String providerId = email.send(
                    id, message.address(), message.subject(), html, HtmlToText.convert(html), messages.attachments(id));
            inTransaction(() -> recordSent(message, email.name(), providerId, null));
        } else {
            String body = prepared.body();
            String providerId = text.send(id, message.channel(), message.address(), body, prepared.template());
            inTransaction(() -> recordSent(message, text.name(), providerId, SmsSegments.count(body)));
        }
    }

    /** Joins the transaction the outbox's hand-over runs in, or opens one. */
    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /** A transport's failure inside the outbox's transaction, rolling it back and carried out of it. */
    private static final class FailedInTransaction extends RuntimeException {
        private final DeliveryFailure failure;

        FailedInTransaction(DeliveryFailure failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /**
     * SENT, the owner's "sent" time, and the end of this delivery's job, in the caller's transaction: one commit, and
     * a crash leaves either all of them or none (the job then runs again and finds the message SENDING or SENT).
     */
    private void recordSent(LoggedMessage message, String provider, String providerId, Integer segments) {
        Instant at = time.now();
        if (messages.sent(message.id(), provider, providerId, segments, at)) {
            receipts.sent(message, at);
        }
        jobs.getObject().completeWithTransaction(Messages.DELIVER, message.id().toString());
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
