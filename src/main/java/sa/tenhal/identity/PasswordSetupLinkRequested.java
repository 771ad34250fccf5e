package sa.tenhal.identity;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An admin asked for a new set-password link to be sent to a staff user (the link itself is minted when sent). */
@DomainEvent
public record PasswordSetupLinkRequested(UserId userId, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("StaffUser", userId.value(), AuditAction.UPDATE).note("set-password link sent");
    }
}
