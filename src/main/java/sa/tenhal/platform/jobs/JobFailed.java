package sa.tenhal.platform.jobs;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A job execution failed for good: after its last attempt, or at once with a permanent error. Admins are told.
 *
 * @param job the job's name
 * @param instance the instance id (the job's name again for recurring jobs)
 */
@DomainEvent
public record JobFailed(String job, String instance, int attempts, String error, boolean permanent, Instant at) {}
