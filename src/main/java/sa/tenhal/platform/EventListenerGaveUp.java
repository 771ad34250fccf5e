package sa.tenhal.platform;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A durable event listener kept failing and its publication is no longer resubmitted automatically; admins are told
 * and can resubmit it once the cause is fixed ({@code /api/v1/admin/event-publications}).
 */
@DomainEvent
public record EventListenerGaveUp(
        UUID publicationId, String listener, String eventType, int attempts, String lastError, Instant at) {}
