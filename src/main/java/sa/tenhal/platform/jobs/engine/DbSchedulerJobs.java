package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;

/**
 * {@link Jobs} on db-scheduler. Its DataSource is transaction-aware, so these calls join the caller's transaction. A job
 * due at once wakes this node's scheduler when the caller's transaction commits ({@link SchedulerWake}).
 */
@Component
class DbSchedulerJobs implements Jobs {

    private final Scheduler scheduler;
    private final SchedulerWake wake;
    private final JdbcClient jdbc;
    private final String removeRun;

    DbSchedulerJobs(Scheduler scheduler, SchedulerWake wake, JdbcClient jdbc, DbSchedulerProperties properties) {
        this.scheduler = scheduler;
        this.wake = wake;
        this.jdbc = jdbc;
        // db-scheduler's own completion of a one-time job, by the version its pick gave the row
        this.removeRun = "delete from " + properties.getTableName()
                + " where task_name = :task and task_instance = :instance and version = :version";
    }

    @Override
    public <T> boolean schedule(OneTimeJob<T> job, String instanceId, Instant at, T data) {
        boolean scheduled = scheduler.scheduleIfNotExists(new TaskInstance<>(job.name(), instanceId, data), at);
        if (scheduled) {
            wake.ifDue(at);
        }
        return scheduled;
    }

    @Override
    public <T> void scheduleNew(OneTimeJob<T> job, String instanceId, Instant at, T data) {
        scheduler.scheduleBatch(List.of(new TaskInstance<>(job.name(), instanceId, data)), at);
        wake.ifDue(at);
    }

    @Override
    public <T> void reschedule(OneTimeJob<T> job, String instanceId, Instant at, T data) {
        TaskInstanceId id = TaskInstanceId.of(job.name(), instanceId);
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.reschedule(id, at, data);
        } else {
            scheduler.scheduleIfNotExists(new TaskInstance<>(job.name(), instanceId, data), at);
        }
        wake.ifDue(at);
    }

    @Override
    public void cancel(OneTimeJob<?> job, String instanceId) {
        TaskInstanceId id = TaskInstanceId.of(job.name(), instanceId);
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }

    @Override
    public Optional<Instant> scheduledAt(OneTimeJob<?> job, String instanceId) {
        return scheduler
                .getScheduledExecution(TaskInstanceId.of(job.name(), instanceId))
                .map(e -> e.getExecutionTime());
    }

    @Override
    public boolean completeWithTransaction(OneTimeJob<?> job, String instanceId) {
        RunningJob run = RunningJob.current();
        if (run == null
                || !run.is(job.name(), instanceId)
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        int removed = jdbc.sql(removeRun)
                .param("task", run.task)
                .param("instance", run.instance)
                .param("version", run.version)
                .update();
        if (removed != 1) {
            // revived on another node meanwhile (a new version): db-scheduler's own completion decides
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                run.completed();
            }
        });
        return true;
    }
}
