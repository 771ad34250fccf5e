package sa.tenhal.patients;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** Someone viewed a patient's record ({@code view}: details, summary, files, consents); the audit trail keeps it. */
@DomainEvent
public record PatientRecordViewed(PatientId patient, String view, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Patient", patient.value(), AuditAction.READ)
                .patient(patient.value())
                .note(view);
    }
}
