package sa.tenhal.platform.jobs.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.jobs.JobFailed;

/**
 * Keeps executions that failed for good and tells admins (the {@link JobFailed} event, published in the same
 * transaction as the record so that neither is lost).
 */
@Component
class JobFailures {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    record Failure(
            long id, String task, String instance, int attempts, String error, Instant failedAt, boolean permanent) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobFailures(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    void record(String task, String instance, int attempts, Throwable cause, boolean permanent) {
        String error = describe(cause);
        Instant now = clock.instant();
        log.warn("Job {} ({}) failed for good after {} attempt(s): {}", task, instance, attempts, error);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into job_failure (task_name, task_instance, attempts, error, failed_at, permanent)
                            values (:task, :instance, :attempts, :error, :at, :permanent)
                            """)
                    .param("task", task)
                    .param("instance", instance)
                    .param("attempts", attempts)
                    .param("error", error)
                    .param("at", Timestamp.from(now))
                    .param("permanent", permanent)
                    .update();
            events.publishEvent(new JobFailed(task, instance, attempts, error, permanent, now));
        });
    }

    List<Failure> recent(int offset, int limit) {
        return jdbc.sql("select * from job_failure order by failed_at desc, id desc offset :offset limit :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new Failure(
                        rs.getLong("id"),
                        rs.getString("task_name"),
                        rs.getString("task_instance"),
                        rs.getInt("attempts"),
                        rs.getString("error"),
                        rs.getTimestamp("failed_at").toInstant(),
                        rs.getBoolean("permanent")))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from job_failure").query(Long.class).single();
    }

    /** The exception's class and message, without a stack trace, bounded; messages never carry patient data. */
    static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        Throwable root = cause;
        while (root.getCause() != null
                && root.getCause() != root
                && !(root instanceof sa.tenhal.platform.jobs.PermanentJobFailure)) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (root != cause && cause.getMessage() != null) {
            text = cause.getClass().getSimpleName() + ": " + cause.getMessage() + " <- " + text;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
