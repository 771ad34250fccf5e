/**
 * Background jobs, the Java way of the seeds' Celery tasks and Celery Beat, on db-scheduler (PostgreSQL; several
 * nodes share the work and each execution runs on exactly one of them).
 *
 * <ul>
 *   <li>{@link sa.tenhal.platform.jobs.RecurringJob}: declare one bean in your module — a name, a default cron in
 *       clinic-local time (overridable as {@code tenhal.jobs.<name>.cron}) and the work. Admins change or pause it at
 *       runtime ({@code /api/v1/admin/jobs}); their change survives restarts.
 *   <li>{@link sa.tenhal.platform.jobs.OneTimeJob}: a job type (a static descriptor) plus a
 *       {@link sa.tenhal.platform.jobs.OneTimeJobHandler} bean; schedule, move and cancel instances with
 *       {@link sa.tenhal.platform.jobs.Jobs} inside the business transaction, with instance ids derived from the
 *       business key (e.g. {@code <appointmentId>:24h}).
 *   <li>Every execution is retried: 3 attempts, the first retry after 60 s, then growing. Throw
 *       {@link sa.tenhal.platform.jobs.PermanentJobFailure} for an error that retrying cannot fix. After the last
 *       attempt the failure is kept ({@code /api/v1/admin/job-failures}) and {@link sa.tenhal.platform.jobs.JobFailed}
 *       is published (admins are notified).
 * </ul>
 */
@org.springframework.modulith.NamedInterface("jobs")
package sa.tenhal.platform.jobs;
