package sa.tenhal.platform.jobs;

import java.time.Duration;

/**
 * A one-time job that cannot run now for want of something the node shares — a free place to send through a provider
 * that answers slowly — and has changed nothing yet: it runs again after {@link #after()}, on any node. Not a failure:
 * it is not retried as one, not counted towards the job's attempts, and nobody is told. Its thread is free at once for
 * the node's other jobs, which is the point: a job that waited for the place instead would hold the thread while it
 * waits.
 */
public class JobDeferred extends RuntimeException {

    private final transient Duration after;

    public JobDeferred(String reason, Duration after) {
        super(reason, null, false, false);
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("a deferred job runs again after a positive time, not " + after);
        }
        this.after = after;
    }

    /** How long from now the job runs again. */
    public Duration after() {
        return after;
    }
}
