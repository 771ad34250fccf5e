package sa.tenhal.platform.jobs.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.database.DatabaseGauges;

/**
 * Metrics for monitoring (docs/deployment.md, Monitoring): executions that failed for good, and how late the most
 * overdue execution is (more than a polling interval or two means that no node runs jobs).
 */
@Component
class JobMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    JobMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "tenhal.jobs.failures",
                        () -> DatabaseGauges.read(() -> jdbc.sql("select count(*) from job_failure")
                                .query(Long.class)
                                .single()))
                .description("job executions that failed for good (the failed-jobs page)")
                .register(registry);
        Gauge.builder(
                        "tenhal.jobs.overdue",
                        () -> DatabaseGauges.secondsSince(clock, () -> jdbc.sql(
                                        "select min(execution_time) from scheduled_tasks where not picked and execution_time < :now")
                                .param("now", Timestamp.from(clock.instant()))
                                .query(Timestamp.class)
                                .optional()))
                .description("how late the most overdue job execution is")
                .baseUnit("seconds")
                .register(registry);
    }
}
