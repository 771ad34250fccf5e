package sa.tenhal.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The safety net under {@link MessageDelivery} (job {@code recover-messages}, every minute): a message still SENDING
 * long after its last attempt, or QUEUED long after it was due, whose delivery job is gone — its job gave up, or
 * returned because another attempt looked alive — gets its job again. Scheduling is "if not exists", so a message whose
 * job is still there (waiting for a retry, or held by a node that stopped, which db-scheduler revives) is left to it.
 * So recovery never depends on one lucky run.
 */
@Component
class MessageRecovery {

    static final String JOB = "recover-messages";
    private static final Logger log = LoggerFactory.getLogger(MessageRecovery.class);
    private static final int BATCH = 500;

    private final DeliveryLog messages;
    private final Jobs jobs;
    private final NotificationProperties properties;
    private final ClinicTime time;

    MessageRecovery(DeliveryLog messages, Jobs jobs, NotificationProperties properties, ClinicTime time) {
        this.messages = messages;
        this.jobs = jobs;
        this.properties = properties;
        this.time = time;
    }

    /**
     * Schedules the delivery of every stuck message that has no job; returns how many it scheduled. Not one transaction:
     * each job is scheduled on its own, so that a job another node scheduled for the same message a moment earlier
     * (the insert then meets the existing row) costs that one message nothing instead of aborting the whole run.
     */
    public int run() {
        Instant now = time.now();
        List<UUID> stuck = messages.stuck(now.minus(properties.sendingStuckAfter()), BATCH);
        int scheduled = 0;
        for (UUID id : stuck) {
            if (jobs.schedule(Messages.DELIVER, id.toString(), now, null)) {
                scheduled++;
            }
        }
        if (scheduled > 0) {
            log.info("{} stuck message(s) had no delivery job; scheduled again", scheduled);
        }
        return scheduled;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        // looked up when the job runs: the job engine needs its jobs before the Jobs this uses exists
        @Bean
        RecurringJob recoverMessages(ObjectProvider<MessageRecovery> recovery) {
            return new RecurringJob(
                    JOB,
                    "15 * * * * *",
                    "Schedules again the delivery of messages left SENDING or QUEUED long past their time whose job is"
                            + " gone",
                    () -> recovery.getObject().run());
        }
    }
}
