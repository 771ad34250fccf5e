package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;

/**
 * {@link Jobs} on db-scheduler. Its DataSource is transaction-aware, so these calls join the caller's transaction.
 */
@Component
class DbSchedulerJobs implements Jobs {

    private final SchedulerClient scheduler;

    DbSchedulerJobs(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public <T> boolean schedule(OneTimeJob<T> job, String instanceId, Instant at, T data) {
        return scheduler.scheduleIfNotExists(new TaskInstance<>(job.name(), instanceId, data), at);
    }

    @Override
    public <T> void reschedule(OneTimeJob<T> job, String instanceId, Instant at, T data) {
        TaskInstanceId id = TaskInstanceId.of(job.name(), instanceId);
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.reschedule(id, at, data);
        } else {
            scheduler.scheduleIfNotExists(new TaskInstance<>(job.name(), instanceId, data), at);
        }
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
}
