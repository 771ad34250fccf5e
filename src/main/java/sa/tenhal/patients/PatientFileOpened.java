package sa.tenhal.patients;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A patient file was opened with a new number. */
@DomainEvent
public record PatientFileOpened(UUID fileId, PatientId patient, String number, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("PatientFile", fileId, AuditAction.CREATE)
                .patient(patient.value())
                .note(number);
    }
}
