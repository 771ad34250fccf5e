package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The clinician signed the visit's note: it is locked, later changes are addenda. */
@DomainEvent
public record VisitNoteSigned(VisitId visitId, PatientId patientId, UUID providerId, UUID signedBy, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitRecord", visitId.value(), AuditAction.CONFIRM)
                .patient(patientId.value())
                .note("signed");
    }
}
