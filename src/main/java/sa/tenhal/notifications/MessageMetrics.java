package sa.tenhal.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Metrics for monitoring (docs/deployment.md, Monitoring): how long the oldest message due to leave has waited (it
 * grows when a provider is down or no node runs jobs), and how many messages were given up in the last 24 hours.
 * Read from the database at scrape time; NaN while it cannot be reached.
 */
@Component
class MessageMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "tenhal.messages.queued.oldest",
                        () -> read(() -> jdbc.sql("""
                                select min(send_after) from notification_message
                                 where status in ('QUEUED', 'SENDING') and send_after <= :now
                                """)
                                .param("now", Timestamp.from(clock.instant()))
                                .query(Timestamp.class)
                                .optional()
                                .filter(java.util.Objects::nonNull)
                                .map(at -> Math.max(
                                        0,
                                        Duration.between(at.toInstant(), clock.instant())
                                                .toSeconds()))
                                .orElse(0L)))
                .description("how long the oldest message due to leave has waited")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "tenhal.messages.failed",
                        () -> read(() -> jdbc.sql("""
                                select count(*) from notification_message
                                 where status = 'FAILED' and failed_at > :since
                                """)
                                .param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(24))))
                                .query(Long.class)
                                .single()))
                .description("messages given up (FAILED) in the last 24 hours")
                .register(registry);
    }

    private static double read(Supplier<? extends Number> query) {
        try {
            return query.get().doubleValue();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
