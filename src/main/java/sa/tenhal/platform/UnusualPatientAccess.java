package sa.tenhal.platform;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A staff member read more distinct patients within an hour than the centre expects of anyone (user activity
 * monitoring): administrators are told, and look at the audit trail.
 *
 * @param patients distinct patients read from {@code since} to {@code at}
 * @param threshold the number that counts as unusual
 */
@DomainEvent
public record UnusualPatientAccess(
        UUID userId, String username, int patients, int threshold, Instant since, Instant at) {}
