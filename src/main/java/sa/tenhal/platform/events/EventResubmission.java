package sa.tenhal.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.EventListenerGaveUp;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * Resubmits event publications whose listener failed, as a recurring job, so that exactly one node does it at a time
 * (republishing everything on restart would be wrong with several nodes). Publications stuck in flight — their node
 * died — are first marked failed. Each publication is retried with a growing delay (1 min, 2, 4 … up to an hour) and
 * given up after {@code tenhal.events.max-attempts}; then admins are told and may resubmit it by hand.
 */
@Component
class EventResubmission {

    @ConfigurationProperties("tenhal.events")
    record Settings(Integer maxAttempts, Duration firstDelay, Duration maxDelay, Duration stuckAfter) {
        Settings {
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
            firstDelay = firstDelay == null ? Duration.ofMinutes(1) : firstDelay;
            maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
            stuckAfter = stuckAfter == null ? Duration.ofMinutes(10) : stuckAfter;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Job {
        @Bean
        RecurringJob resubmitFailedEvents(EventResubmission resubmission) {
            return new RecurringJob(
                    "resubmit-failed-events",
                    "30 * * * * *",
                    "Resubmits event publications whose listener failed, with growing delays; gives up after the"
                            + " configured number of attempts and tells admins",
                    resubmission::run);
        }
    }

    private final FailedEventPublications failed;
    private final EventPublicationRegistry registry;
    private final Settings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EventResubmission(
            FailedEventPublications failed,
            EventPublicationRegistry registry,
            Settings settings,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.failed = failed;
        this.registry = registry;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    void run() {
        Staleness stuck =
                status -> status == Status.COMPLETED || status == Status.FAILED ? Duration.ZERO : settings.stuckAfter();
        registry.markStalePublicationsFailed(stuck);
        giveUpOnExhausted();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withFilter(this::isDue));
    }

    /** Resubmits one publication now, whatever its attempts (an admin fixed the cause). */
    void resubmitNow(UUID id) {
        jdbc.sql("update event_publication_failure set gave_up_at = null where publication_id = :id")
                .param("id", id)
                .update();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(1000).withFilter(p -> p.getIdentifier()
                .equals(id)));
    }

    /** Resubmits every failed publication now, whatever its attempts (an admin fixed a cause many shared). */
    void resubmitAllNow() {
        jdbc.sql("""
                        update event_publication_failure set gave_up_at = null
                         where gave_up_at is not null
                           and publication_id in (select id from event_publication where completion_date is null)
                        """).update();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(1000));
    }

    boolean isDue(EventPublication publication) {
        int attempts = publication.getCompletionAttempts();
        if (attempts >= settings.maxAttempts()) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !clock.instant().isBefore(last.plus(delayAfter(attempts)));
    }

    /** The wait after the given number of attempts (the registry counts the first delivery as attempt 1). */
    Duration delayAfter(int attempts) {
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void giveUpOnExhausted() {
        List<UUID> exhausted = jdbc.sql("""
                        select p.id from event_publication p join event_publication_failure f on f.publication_id = p.id
                         where p.completion_date is null and coalesce(p.completion_attempts, 0) >= :max and f.gave_up_at is null
                        """)
                .param("max", settings.maxAttempts())
                .query(UUID.class)
                .list();
        for (UUID id : exhausted) {
            transactions.executeWithoutResult(status -> {
                int updated = jdbc.sql(
                                "update event_publication_failure set gave_up_at = :now where publication_id = :id and gave_up_at is null")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update();
                if (updated == 1) {
                    jdbc.sql(
                                    "select listener_id, event_type, failures, last_error from event_publication_failure where publication_id = :id")
                            .param("id", id)
                            .query((rs, i) -> new EventListenerGaveUp(
                                    id,
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getString(4),
                                    clock.instant()))
                            .optional()
                            .ifPresent(events::publishEvent);
                }
            });
        }
    }
}
