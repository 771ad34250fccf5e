package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.tenhal.platform.jobs.JobDeferred;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.PermanentJobFailure;

/**
 * A db-scheduler one-time task per {@link OneTimeJobHandler}, with Tenhal's retry policy; a handler that throws
 * {@link JobDeferred} runs again later without a failure counted.
 */
final class OneTimeTasks {

    private OneTimeTasks() {}

    private static final Logger log = LoggerFactory.getLogger(OneTimeTasks.class);

    static <T> Task<T> task(OneTimeJobHandler<T> handler, JobFailures failures, RetryPolicy retry) {
        return new OneTimeTask<>(handler.job().name(), handler.job().dataType(), new Retrying<>(failures, retry)) {
            /**
             * Runs the handler; if it ended the job inside its own transaction ({@link RunningJob}), the job's row is
             * gone already and there is nothing left to complete.
             */
            @Override
            public CompletionHandler<T> execute(TaskInstance<T> instance, ExecutionContext context) {
                RunningJob run = RunningJob.start(context.getExecution());
                try {
                    handler.run(instance.getId(), instance.getData());
                } catch (JobDeferred deferred) {
                    if (!run.isCompleted()) {
                        // not a failure: the row moves to its next time, picked again by any node (db-scheduler
                        // counts a rescheduled success, so the job's consecutive failures start again from none)
                        log.debug(
                                "Job {} {} deferred by {}: {}",
                                getName(),
                                instance.getId(),
                                deferred.after(),
                                deferred.getMessage());
                        return (complete, operations) -> operations.reschedule(
                                complete, complete.getTimeDone().plus(deferred.after()));
                    }
                    log.warn(
                            "Job {} {} deferred after it had completed; it stays completed",
                            getName(),
                            instance.getId());
                } catch (RuntimeException e) {
                    if (!run.isCompleted()) {
                        throw e;
                    }
                    log.warn(
                            "Job {} {} failed after it had completed; it stays completed",
                            getName(),
                            instance.getId(),
                            e);
                } catch (Exception e) {
                    if (!run.isCompleted()) {
                        throw new JobException(e);
                    }
                    log.warn(
                            "Job {} {} failed after it had completed; it stays completed",
                            getName(),
                            instance.getId(),
                            e);
                } finally {
                    RunningJob.end();
                }
                return run.isCompleted() ? (complete, operations) -> {} : (complete, operations) -> operations.stop();
            }

            @Override
            public void executeOnce(TaskInstance<T> instance, ExecutionContext context) {
                throw new UnsupportedOperationException("execute runs the handler");
            }
        };
    }

    /** Checked exceptions of handlers, carried through db-scheduler's execution. */
    static final class JobException extends RuntimeException {
        JobException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Retries with growing delays; after the last attempt, or at once for a permanent error, records and removes. */
    static final class Retrying<T> implements FailureHandler<T> {

        private final JobFailures failures;
        private final RetryPolicy retry;

        Retrying(JobFailures failures, RetryPolicy retry) {
            this.failures = failures;
            this.retry = retry;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            int failed = complete.getExecution().consecutiveFailures + 1;
            Throwable cause = complete.getCause().orElse(null);
            boolean permanent = isPermanent(cause);
            if (permanent || failed >= retry.attempts()) {
                operations.remove();
                failures.record(
                        complete.getExecution().taskInstance.getTaskName(),
                        complete.getExecution().taskInstance.getId(),
                        failed,
                        cause,
                        permanent);
            } else {
                operations.reschedule(complete, complete.getTimeDone().plus(retry.delayAfter(failed)));
            }
        }
    }

    static boolean isPermanent(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentJobFailure) {
                return true;
            }
        }
        return false;
    }
}
