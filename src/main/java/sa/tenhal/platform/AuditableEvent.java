package sa.tenhal.platform;

/**
 * A domain event that the audit trail records. The audit module writes one entry per such event in the transaction
 * that published it (a synchronous listener), so a change or a read is never without its entry and an entry never
 * without its change. Implementations say what to record with {@link Audited}: ids and field names only, never
 * patient data.
 */
public interface AuditableEvent {

    /** What the audit trail records of this event. */
    Audited audited();
}
