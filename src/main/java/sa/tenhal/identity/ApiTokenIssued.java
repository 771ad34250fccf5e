package sa.tenhal.identity;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An admin issued an API token to a user. */
@DomainEvent
public record ApiTokenIssued(UUID tokenId, UserId userId, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("ApiToken", tokenId, AuditAction.CREATE).note("for user " + userId);
    }
}
