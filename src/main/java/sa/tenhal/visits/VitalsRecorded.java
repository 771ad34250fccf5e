package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** Vitals and measurements were recorded in a visit. */
@DomainEvent
public record VitalsRecorded(
        VisitId visitId, UUID vitalsId, PatientId patientId, java.util.Set<String> measured, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitVitals", vitalsId, AuditAction.CREATE)
                .patient(patientId.value())
                .fields(measured);
    }
}
