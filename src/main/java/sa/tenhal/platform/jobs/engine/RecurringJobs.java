package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The recurring jobs: one db-scheduler task ({@value #TASK}) whose instances are the jobs, each due at the next time
 * its cron (from {@code job_schedule}, in clinic-local time) says. After each run, successful or finally failed, the
 * instance is moved to the next due time; pausing removes it, resuming puts it back.
 */
@Component
class RecurringJobs {

    static final String TASK = "recurring-job";
    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

    private final Map<String, RecurringJob> jobs = new LinkedHashMap<>();
    private final JobScheduleStore schedules;
    private final JobFailures failures;
    private final RetryPolicy retry;
    private final ClinicTime time;
    private final Environment environment;

    RecurringJobs(
            List<RecurringJob> declared,
            JobScheduleStore schedules,
            JobFailures failures,
            RetryPolicy retry,
            ClinicTime time,
            Environment environment) {
        for (RecurringJob job : declared) {
            if (jobs.put(job.name(), job) != null) {
                throw new IllegalStateException("two recurring jobs are named " + job.name());
            }
        }
        this.schedules = schedules;
        this.failures = failures;
        this.retry = retry;
        this.time = time;
        this.environment = environment;
    }

    Map<String, RecurringJob> jobs() {
        return jobs;
    }

    /** The schedule a job has when no admin changed it: {@code tenhal.jobs.<name>.cron}, else the job's own default. */
    String defaultCron(RecurringJob job) {
        return environment.getProperty("tenhal.jobs." + job.name() + ".cron", job.defaultCron());
    }

    /** The next due time after {@code after} for a cron in clinic-local time. */
    Instant next(String cron, Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(time.zone()));
        if (next == null) {
            throw new IllegalArgumentException("the schedule never fires: " + cron);
        }
        return next.toInstant();
    }

    Task<Void> task() {
        return Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler<Void>() {
                    @Override
                    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
                        retryOrMoveOn(complete, operations);
                    }
                })
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    RecurringJob job = jobs.get(instance.getId());
                    if (job == null) {
                        log.warn("Recurring job {} is no longer declared; removing it", instance.getId());
                        return (complete, operations) -> operations.remove();
                    }
                    Optional<JobScheduleStore.Stored> schedule = schedules.find(job.name());
                    if (schedule.map(JobScheduleStore.Stored::paused).orElse(false)) {
                        return (complete, operations) -> operations.remove();
                    }
                    // one line per run and due time (DEBUG): the failure suite counts them across nodes
                    log.debug(
                            "Recurring job {} runs for its due time {} on {}",
                            job.name(),
                            context.getExecution().getExecutionTime(),
                            context.getExecution().pickedBy);
                    job.work().run();
                    return (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(
                            complete,
                            next(
                                    cronOf(job),
                                    later(
                                            complete.getTimeDone(),
                                            complete.getExecution().getExecutionTime())));
                });
    }

    private void retryOrMoveOn(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        String name = complete.getExecution().taskInstance.getId();
        int failed = complete.getExecution().consecutiveFailures + 1;
        Throwable cause = complete.getCause().orElse(null);
        boolean permanent = OneTimeTasks.isPermanent(cause);
        RecurringJob job = jobs.get(name);
        if (job != null && !permanent && failed < retry.attempts()) {
            operations.reschedule(complete, complete.getTimeDone().plus(retry.delayAfter(failed)));
            return;
        }
        failures.record(TASK, name, failed, cause, permanent);
        if (job == null) {
            operations.remove();
            return;
        }
        // Start afresh at the next regular time, so that the next occurrence gets its own retries.
        Instant next = next(
                cronOf(job),
                later(complete.getTimeDone(), complete.getExecution().getExecutionTime()));
        operations.removeAndScheduleNew(SchedulableInstance.of(new TaskInstance<Void>(TASK, name), next));
    }

    String cronOf(RecurringJob job) {
        return schedules.find(job.name()).map(JobScheduleStore.Stored::cron).orElse(defaultCron(job));
    }

    /** Makes sure every declared job is scheduled (unless paused); safe on several nodes at once. */
    void ensureScheduled(SchedulerClient client) {
        Instant now = time.now();
        for (RecurringJob job : jobs.values()) {
            schedules.ensure(job.name(), defaultCron(job), now);
            JobScheduleStore.Stored stored = schedules.find(job.name()).orElseThrow();
            if (!stored.paused()) {
                client.scheduleIfNotExists(new TaskInstance<Void>(TASK, job.name()), next(stored.cron(), now));
            }
        }
    }

    static TaskInstanceId id(String name) {
        return TaskInstanceId.of(TASK, name);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
