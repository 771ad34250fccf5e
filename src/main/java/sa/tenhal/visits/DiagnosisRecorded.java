package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A coded diagnosis (ICD-10) was recorded in a visit: referral rules react to it. */
@DomainEvent
public record DiagnosisRecorded(
        VisitId visitId,
        UUID diagnosisId,
        PatientId patientId,
        UUID clinicId,
        UUID providerId,
        String code,
        boolean primary,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitDiagnosis", diagnosisId, AuditAction.CREATE).patient(patientId.value());
    }
}
