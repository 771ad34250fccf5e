package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.PermanentJobFailure;

/** A db-scheduler one-time task per {@link OneTimeJobHandler}, with Tenhal's retry policy. */
final class OneTimeTasks {

    private OneTimeTasks() {}

    static <T> Task<T> task(OneTimeJobHandler<T> handler, JobFailures failures, RetryPolicy retry) {
        return Tasks.oneTime(handler.job().name(), handler.job().dataType())
                .onFailure(new Retrying<>(failures, retry))
                .execute((instance, context) -> {
                    try {
                        handler.run(instance.getId(), instance.getData());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new JobException(e);
                    }
                });
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
