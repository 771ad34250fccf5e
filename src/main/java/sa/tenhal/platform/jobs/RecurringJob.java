package sa.tenhal.platform.jobs;

import java.util.Objects;
import org.springframework.scheduling.support.CronExpression;

/**
 * A job that runs on a schedule, declared as a bean by the module that owns the work.
 *
 * @param name kebab-case, unique, e.g. {@code overdue-invoices}; also the configuration key
 *     {@code tenhal.jobs.<name>.cron}
 * @param defaultCron Spring cron with seconds ({@code second minute hour day month weekday}), in clinic-local time,
 *     e.g. {@code 0 0 9 * * *} for daily at 09:00
 * @param description what the job does, for the admin pages and {@code docs/jobs.md}
 * @param work the work; it must be idempotent, since an execution may be retried
 */
public record RecurringJob(String name, String defaultCron, String description, Runnable work) {

    public RecurringJob {
        Objects.requireNonNull(work, "work");
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a job name is kebab-case: " + name);
        }
        if (!CronExpression.isValidExpression(defaultCron)) {
            throw new IllegalArgumentException("not a cron expression: " + defaultCron);
        }
    }
}
