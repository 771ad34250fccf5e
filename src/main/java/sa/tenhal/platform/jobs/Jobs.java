package sa.tenhal.platform.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * Schedules, moves and cancels one-time job instances. Calls join the caller's transaction: a job scheduled by a
 * booking that rolls back was never scheduled.
 */
public interface Jobs {

    /** Schedules the instance unless it is already scheduled (then nothing changes); true if this call scheduled it. */
    <T> boolean schedule(OneTimeJob<T> job, String instanceId, Instant at, T data);

    /**
     * Schedules an instance whose id was minted in the caller's transaction, so that it cannot exist yet: one insert,
     * without {@link #schedule}'s look first. An id that exists after all fails the caller's transaction.
     */
    <T> void scheduleNew(OneTimeJob<T> job, String instanceId, Instant at, T data);

    /** Moves the instance to a new time (and data), scheduling it if it does not exist. */
    <T> void reschedule(OneTimeJob<T> job, String instanceId, Instant at, T data);

    /** Cancels the instance; nothing happens if it is not scheduled. */
    void cancel(OneTimeJob<?> job, String instanceId);

    /** When the instance is due, if it is scheduled. */
    Optional<Instant> scheduledAt(OneTimeJob<?> job, String instanceId);

    /**
     * Ends the job this thread is running with the caller's transaction: the job's row is removed in that transaction,
     * so that the job's last piece of work and its completion are one commit instead of two. Only inside a run of
     * {@code job} for {@code instanceId}, in a transaction; false elsewhere (the job then completes as usual when its
     * handler returns). If the transaction rolls back, the job completes, fails or is retried as usual.
     */
    boolean completeWithTransaction(OneTimeJob<?> job, String instanceId);
}
