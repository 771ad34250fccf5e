package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An addendum was added to a signed note (who and when). */
@DomainEvent
public record AddendumAdded(VisitId visitId, UUID addendumId, PatientId patientId, UUID writtenBy, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitAddendum", addendumId, AuditAction.CREATE).patient(patientId.value());
    }
}
