package sa.tenhal.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;

/**
 * Composes messages and queues them, in the caller's transaction: one delivery-log row per channel, and for every row
 * that goes now a one-time job that delivers it when it is due (after the recipient's quiet hours for non-urgent
 * texts); a patient's further channels are held in reserve behind the first. A message whose idempotency key exists
 * already is not recorded again, so replays send nothing.
 */
@Component
class Messages {

    static final OneTimeJob<Void> DELIVER = OneTimeJob.of("deliver-message", Void.class);

    /** WhatsApp's customer service window: after a patient writes, the clinic may answer in free text this long. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final Templates templates;
    private final DeliveryLog log;
    private final StaffInbox inbox;
    private final Jobs jobs;
    private final ClinicTime time;
    private final NotificationProperties properties;
    private final InboundMessages inbound;

    Messages(
            Templates templates,
            DeliveryLog log,
            StaffInbox inbox,
            Jobs jobs,
            ClinicTime time,
            NotificationProperties properties,
            InboundMessages inbound) {
        this.templates = templates;
        this.log = log;
        this.inbox = inbox;
        this.jobs = jobs;
        this.time = time;
        this.properties = properties;
        this.inbound = inbound;
    }

    /**
     * A message rendered for every channel it may go by, before anything of it is written: a template that cannot be
     * rendered fails here, with the caller's transaction untouched ({@link ConfirmationMessages} relies on it).
     */
    record Composed(Outgoing message, List<Channel> plan, List<Templates.Rendered> rendered) {}

    /** Renders the message for each channel of its recipient's plan; reads and writes nothing. */
    Composed compose(Outgoing message) {
        List<Channel> plan = message.recipient().plan(message.channels());
        List<Templates.Rendered> rendered = new ArrayList<>(plan.size());
        for (Channel channel : plan) {
            rendered.add(templates.render(
                    message.kind(), channel, message.recipient().language(), message.model()));
        }
        return new Composed(message, plan, rendered);
    }

    /**
     * Queues the message; returns the ids of the messages queued to go now. A patient's message goes by one channel:
     * the first of its channels in the patient's order that they can be reached by; each further channel is recorded
     * HELD behind the one before it, and is queued only if that one fails for good ({@link #fallBack}). A patient who
     * asked for every channel, and staff, get it on each channel.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> send(Outgoing message) {
        return send(compose(message));
    }

    /** Queues a message composed before ({@link #send(Outgoing)}). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> send(Composed composed) {
        Outgoing message = composed.message();
        Recipient to = message.recipient();
        Instant now = time.now();
        List<UUID> queued = new ArrayList<>();
        UUID before = null;
        for (int i = 0; i < composed.plan().size(); i++) {
            Channel channel = composed.plan().get(i);
            Templates.Rendered rendered = composed.rendered().get(i);
            String key = message.source() + "|" + to.type() + ":" + to.id() + "|" + channel + "|" + message.kind();
            if (channel == Channel.IN_APP) {
                String link = (String) message.model().get("inboxLink");
                if (inbox.add(key, to.id(), message.kind(), rendered.subject(), rendered.text(), link, now)) {
                    log.record(
                            Ids.newId(),
                            key,
                            message.kind(),
                            message.source(),
                            to,
                            channel,
                            rendered.subject(),
                            rendered.text(),
                            message.urgent(),
                            MessageStatus.DELIVERED,
                            now,
                            now,
                            null,
                            null);
                }
                continue;
            }
            boolean held = before != null && to.oneAtATime();
            String body = channel == Channel.EMAIL ? rendered.html() : rendered.text();
            Instant sendAfter =
                    QuietHours.sendAfter(now, time.zone(), channel, message.urgent(), to.quietStart(), to.quietEnd());
            UUID id = Ids.newId();
            Optional<UUID> recorded = log.record(
                    id,
                    key,
                    message.kind(),
                    message.source(),
                    to,
                    channel,
                    rendered.subject(),
                    body,
                    message.urgent(),
                    held ? MessageStatus.HELD : MessageStatus.QUEUED,
                    now,
                    sendAfter,
                    held ? before : null,
                    channel == Channel.WHATSAPP ? template(message, to, now) : null);
            if (recorded.isEmpty()) {
                // recorded before (a replayed event): nothing is sent again, and nothing is held behind it again
                return queued;
            }
            if (channel == Channel.EMAIL) {
                log.attach(id, message.attachments());
            }
            if (!held) {
                // the message's id is new in this transaction: its job cannot exist yet
                jobs.scheduleNew(DELIVER, id.toString(), sendAfter, null);
                queued.add(id);
            }
            before = id;
        }
        return queued;
    }

    /**
     * A message failed for good: the message held behind it (the patient's next channel), if any, is queued and its
     * delivery scheduled — in the caller's transaction, the one that records the failure, so that a crash in between
     * can neither lose the fallback nor queue it twice ({@link MessageRecovery} schedules it again if its job is lost).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> fallBack(UUID failed) {
        Optional<UUID> next = log.releaseHeld(failed, time.now());
        next.ifPresent(id ->
                jobs.schedule(DELIVER, id.toString(), log.find(id).orElseThrow().sendAfter(), null));
        return next;
    }

    /**
     * The approved template a WhatsApp message goes as, if its kind has one in the recipient's language — unless the
     * patient wrote to the clinic on WhatsApp within the last 24 hours: inside that conversation window free text is
     * allowed, and says more.
     */
    private WhatsappContent template(Outgoing message, Recipient to, Instant now) {
        var template = properties.whatsappTemplate(message.kind(), to.language());
        if (template.isEmpty() || inbound.wroteWithin(to.mobile(), Channel.WHATSAPP, now.minus(WINDOW))) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        int n = 1;
        for (String name : template.get().variables()) {
            Object value = message.model().get(name);
            // WhatsApp refuses an empty variable
            variables.put(String.valueOf(n++), value == null || value.toString().isBlank() ? "-" : value.toString());
        }
        return new WhatsappContent(template.get().contentSid(), variables);
    }
}
