package sa.tenhal.integrations.nphies;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/**
 * A payer or one of its prior-authorisation rules was created, changed, deactivated or removed (payers page, API).
 * The audit trail records it under {@code NphiesPayer} with the payer's id in the note: audit records are named by
 * UUID, a payer by its code, so the record id is a name-based UUID of the code ({@link #recordId(String)}).
 */
@DomainEvent
public record PayerChanged(String payerId, AuditAction action, Set<String> changedFields, String note, Instant at)
        implements AuditableEvent {

    public PayerChanged {
        changedFields = changedFields == null ? Set.of() : Set.copyOf(changedFields);
    }

    /** The audit record id of a payer: the same for every change of that payer. */
    public static UUID recordId(String payerId) {
        return UUID.nameUUIDFromBytes(("nphies-payer:" + payerId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Audited audited() {
        return Audited.of("NphiesPayer", recordId(payerId), action)
                .fields(changedFields)
                .note(note == null ? "payer " + payerId : "payer " + payerId + ": " + note);
    }
}
