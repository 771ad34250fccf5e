package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * What admins do with recurring jobs: see them, change their schedule, pause and resume them, run one now. Each change
 * updates {@code job_schedule} and the job's execution in one transaction, so it takes effect at once on every node and
 * survives restarts.
 */
@Service
class RecurringJobAdministration {

    /** A recurring job as admins see it. */
    record JobView(
            String name,
            String description,
            String cron,
            String defaultCron,
            boolean customized,
            boolean paused,
            Instant nextRun,
            Instant lastSuccess,
            Instant lastFailure,
            String updatedBy,
            Instant updatedAt) {}

    private final RecurringJobs recurring;
    private final JobScheduleStore schedules;
    private final SchedulerClient scheduler;
    private final SchedulerWake wake;
    private final ClinicTime time;

    RecurringJobAdministration(
            RecurringJobs recurring,
            JobScheduleStore schedules,
            SchedulerClient scheduler,
            SchedulerWake wake,
            ClinicTime time) {
        this.recurring = recurring;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.wake = wake;
        this.time = time;
    }

    /** At start-up every node makes sure each declared job has its schedule row and its next execution. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void onStart() {
        recurring.ensureScheduled(scheduler);
    }

    @Transactional(readOnly = true)
    public List<JobView> list() {
        return recurring.jobs().values().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public JobView get(String name) {
        return view(job(name));
    }

    @Transactional
    public JobView changeSchedule(String name, String cron) {
        RecurringJob job = job(name);
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            throw new InvalidFieldsException(List.of(FieldProblem.coded(
                    "cron", "jobs.cron", "not a cron expression with seconds, e.g. \"0 0 9 * * *\" (daily at 09:00)")));
        }
        if (CronExpression.parse(cron).next(time.now().atZone(time.zone())) == null) {
            throw new InvalidFieldsException(List.of(
                    FieldProblem.coded("cron", "jobs.cronNeverFires", "the schedule never fires (e.g. 30 February)")));
        }
        schedules.changeCron(job.name(), cron, actor(), time.now());
        moveToNext(job, cron);
        return view(job);
    }

    @Transactional
    public JobView resetSchedule(String name) {
        RecurringJob job = job(name);
        String cron = recurring.defaultCron(job);
        schedules.resetToDefault(job.name(), cron, actor(), time.now());
        moveToNext(job, cron);
        return view(job);
    }

    @Transactional
    public JobView pause(String name) {
        RecurringJob job = job(name);
        schedules.setPaused(job.name(), true, actor(), time.now());
        if (scheduler.getScheduledExecution(RecurringJobs.id(job.name())).isPresent()) {
            scheduler.cancel(RecurringJobs.id(job.name()));
        }
        return view(job);
    }

    @Transactional
    public JobView resume(String name) {
        RecurringJob job = job(name);
        schedules.setPaused(job.name(), false, actor(), time.now());
        moveToNext(job, recurring.cronOf(job));
        return view(job);
    }

    /** Runs the job as soon as a node is free; afterwards it continues on its schedule. */
    @Transactional
    public JobView runNow(String name) {
        RecurringJob job = job(name);
        place(job, time.now());
        return view(job);
    }

    private void moveToNext(RecurringJob job, String cron) {
        boolean paused =
                schedules.find(job.name()).map(JobScheduleStore.Stored::paused).orElse(false);
        if (!paused) {
            place(job, recurring.next(cron, time.now()));
        }
    }

    private void place(RecurringJob job, Instant at) {
        var id = RecurringJobs.id(job.name());
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.reschedule(id, at);
        } else {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(RecurringJobs.TASK, job.name()), at);
        }
        // "run now": the scheduler looks once this commits, not at its next poll
        wake.ifDue(at);
    }

    private JobView view(RecurringJob job) {
        Optional<JobScheduleStore.Stored> stored = schedules.find(job.name());
        var execution = scheduler.getScheduledExecution(RecurringJobs.id(job.name()));
        return new JobView(
                job.name(),
                job.description(),
                stored.map(JobScheduleStore.Stored::cron).orElse(recurring.defaultCron(job)),
                recurring.defaultCron(job),
                stored.map(JobScheduleStore.Stored::customized).orElse(false),
                stored.map(JobScheduleStore.Stored::paused).orElse(false),
                execution.map(e -> e.getExecutionTime()).orElse(null),
                execution.map(e -> e.getLastSuccess()).orElse(null),
                execution.map(e -> e.getLastFailure()).orElse(null),
                stored.map(JobScheduleStore.Stored::updatedBy).orElse(null),
                stored.map(JobScheduleStore.Stored::updatedAt).orElse(null));
    }

    private RecurringJob job(String name) {
        RecurringJob job = recurring.jobs().get(name);
        if (job == null) {
            throw new NotFoundException("Job", name);
        }
        return job;
    }

    private static String actor() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
