package sa.tenhal.identity;

import java.time.Instant;
import java.util.Set;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A staff user's details, roles, password or enabled state changed; names the fields, never their values. */
@DomainEvent
public record StaffUserUpdated(UserId userId, Set<String> changedFields, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of(
                        "StaffUser",
                        userId.value(),
                        changedFields.contains("enabled") ? AuditAction.DEACTIVATE : AuditAction.UPDATE)
                .fields(changedFields);
    }
}
