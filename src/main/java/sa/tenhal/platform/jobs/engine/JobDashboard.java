package sa.tenhal.platform.jobs.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the job engine is doing, for admins: executions running now, waiting to be retried, due next, and how many of
 * each task are scheduled. Read straight from db-scheduler's table with limits, because a centre can have thousands of
 * scheduled one-time jobs (a reminder per appointment) that no page should load at once. Executions that failed for
 * good are in {@link JobFailures}.
 */
@Component
class JobDashboard {

    /** One scheduled execution. {@code picked}: a node is running it now. */
    record Execution(
            String task,
            String instance,
            Instant executionTime,
            boolean picked,
            String pickedBy,
            Instant lastHeartbeat,
            int consecutiveFailures,
            Instant lastSuccess,
            Instant lastFailure) {}

    /** The executions of one task. */
    record TaskSummary(String task, long scheduled, long running, long retrying, Instant nextDue) {}

    private static final String COLUMNS = """
            select task_name, task_instance, execution_time, picked, picked_by, last_heartbeat,
                   coalesce(consecutive_failures, 0) consecutive_failures, last_success, last_failure
              from scheduled_tasks
            """;

    private final JdbcClient jdbc;

    JobDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaskSummary> summary() {
        return jdbc.sql("""
                        select task_name, count(*) scheduled, count(*) filter (where picked) running,
                               count(*) filter (where coalesce(consecutive_failures, 0) > 0 and not picked) retrying,
                               min(execution_time) filter (where not picked) next_due
                          from scheduled_tasks group by task_name order by task_name
                        """)
                .query((rs, i) -> new TaskSummary(
                        rs.getString("task_name"),
                        rs.getLong("scheduled"),
                        rs.getLong("running"),
                        rs.getLong("retrying"),
                        instant(rs.getTimestamp("next_due"))))
                .list();
    }

    /** Executions a node is running now, the longest-running first. */
    List<Execution> running(int limit) {
        return jdbc.sql(COLUMNS + " where picked order by execution_time, task_name, task_instance limit :limit")
                .param("limit", limit)
                .query(JobDashboard::execution)
                .list();
    }

    /** Executions that failed and wait for their next attempt, the next one first. */
    List<Execution> retrying(int limit) {
        return jdbc.sql(
                        COLUMNS
                                + " where not picked and coalesce(consecutive_failures, 0) > 0 order by execution_time, task_name, task_instance limit :limit")
                .param("limit", limit)
                .query(JobDashboard::execution)
                .list();
    }

    /** The next executions due. */
    List<Execution> upcoming(int limit) {
        return jdbc.sql(COLUMNS + " where not picked order by execution_time, task_name, task_instance limit :limit")
                .param("limit", limit)
                .query(JobDashboard::execution)
                .list();
    }

    private static Execution execution(ResultSet rs, int row) throws SQLException {
        return new Execution(
                rs.getString("task_name"),
                rs.getString("task_instance"),
                instant(rs.getTimestamp("execution_time")),
                rs.getBoolean("picked"),
                rs.getString("picked_by"),
                instant(rs.getTimestamp("last_heartbeat")),
                rs.getInt("consecutive_failures"),
                instant(rs.getTimestamp("last_success")),
                instant(rs.getTimestamp("last_failure")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
