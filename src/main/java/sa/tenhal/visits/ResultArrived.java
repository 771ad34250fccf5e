package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/**
 * A laboratory or imaging result was filed on a patient (new, or a correction of one filed before). The order is
 * null for a result the lab sent without one of our orders (matched by the patient's identifiers); then no clinician
 * ordered it and {@code clinician} is null. Ids, the flag and the test's name only: never values.
 */
@DomainEvent
public record ResultArrived(
        UUID resultId,
        UUID orderId,
        PatientId patientId,
        UUID clinician,
        OrderKind kind,
        String test,
        ResultFlag flag,
        boolean correction,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Result", resultId, correction ? AuditAction.UPDATE : AuditAction.CREATE)
                .patient(patientId.value())
                .note(flag.name());
    }
}
