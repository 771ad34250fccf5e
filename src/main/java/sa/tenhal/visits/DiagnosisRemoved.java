package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A diagnosis recorded by mistake was removed from a visit whose note is not signed yet. */
@DomainEvent
public record DiagnosisRemoved(VisitId visitId, UUID diagnosisId, PatientId patientId, String code, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitDiagnosis", diagnosisId, AuditAction.ARCHIVE).patient(patientId.value());
    }
}
