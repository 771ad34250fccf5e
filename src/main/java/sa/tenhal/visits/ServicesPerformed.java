package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The services performed in a visit were set: finance bills these. */
@DomainEvent
public record ServicesPerformed(VisitId visitId, PatientId patientId, java.util.List<UUID> serviceIds, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitRecord", visitId.value(), AuditAction.UPDATE)
                .patient(patientId.value())
                .fields(java.util.Set.of("services"));
    }
}
