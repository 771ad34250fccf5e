package sa.tenhal.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;

/**
 * Composes messages and queues them, in the caller's transaction: one delivery-log row per channel, and for every new
 * row a one-time job that delivers it when it is due (after the recipient's quiet hours for non-urgent texts). A
 * message whose idempotency key exists already is not recorded again, so replays send nothing.
 */
@Component
class Messages {

    static final OneTimeJob<Void> DELIVER = OneTimeJob.of("deliver-message", Void.class);

    private final Templates templates;
    private final DeliveryLog log;
    private final StaffInbox inbox;
    private final Jobs jobs;
    private final ClinicTime time;

    Messages(Templates templates, DeliveryLog log, StaffInbox inbox, Jobs jobs, ClinicTime time) {
        this.templates = templates;
        this.log = log;
        this.inbox = inbox;
        this.jobs = jobs;
        this.time = time;
    }

    /** Queues the message on each of its channels that the recipient can be reached by; returns the new log ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> send(Outgoing message) {
        Recipient to = message.recipient();
        Instant now = time.now();
        List<UUID> queued = new java.util.ArrayList<>();
        for (Channel channel : message.channels()) {
            if (!to.reachableBy(channel)) {
                continue;
            }
            String key = message.source() + "|" + to.type() + ":" + to.id() + "|" + channel + "|" + message.kind();
            Templates.Rendered rendered = templates.render(message.kind(), channel, to.language(), message.model());
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
                            now);
                }
                continue;
            }
            String body = channel == Channel.EMAIL ? rendered.html() : rendered.text();
            Instant sendAfter =
                    QuietHours.sendAfter(now, time.zone(), channel, message.urgent(), to.quietStart(), to.quietEnd());
            log.record(
                            Ids.newId(),
                            key,
                            message.kind(),
                            message.source(),
                            to,
                            channel,
                            rendered.subject(),
                            body,
                            message.urgent(),
                            MessageStatus.QUEUED,
                            now,
                            sendAfter)
                    .ifPresent(id -> {
                        if (channel == Channel.EMAIL) {
                            log.attach(id, message.attachments());
                        }
                        jobs.schedule(DELIVER, id.toString(), sendAfter, null);
                        queued.add(id);
                    });
        }
        return queued;
    }
}
