package sa.tenhal.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.database.DatabaseGauges;

/**
 * Metrics for monitoring (docs/deployment.md, Monitoring): publications whose listener has not completed, and the age
 * of the oldest. Database-wide figures, the same on every node.
 */
@Component
class EventMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    EventMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "tenhal.events.incomplete",
                        () -> DatabaseGauges.read(
                                () -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                        .query(Long.class)
                                        .single()))
                .description("event publications whose listener has not completed yet")
                .register(registry);
        Gauge.builder(
                        "tenhal.events.incomplete.oldest",
                        () -> DatabaseGauges.secondsSince(clock, () -> jdbc.sql(
                                        "select min(publication_date) from event_publication where completion_date is null")
                                .query(java.sql.Timestamp.class)
                                .optional()))
                .description("age of the oldest incomplete event publication")
                .baseUnit("seconds")
                .register(registry);
    }
}
