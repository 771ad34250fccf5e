package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A problem of the patient's problem list was resolved (with its date). */
@DomainEvent
public record ProblemResolved(
        UUID problemId, PatientId patientId, String code, java.time.LocalDate resolvedOn, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("PatientProblem", problemId, AuditAction.CLOSE).patient(patientId.value());
    }
}
