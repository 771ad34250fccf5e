package sa.tenhal.identity;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A staff user was created. {@code needsPassword} says the user has no password yet and must set one through a link
 * (the welcome message sends it). */
@DomainEvent
public record StaffUserCreated(UserId userId, boolean needsPassword, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("StaffUser", userId.value(), AuditAction.CREATE);
    }
}
