package sa.tenhal.visits;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The note of a visit was written or changed (before signing). */
@DomainEvent
public record VisitNoteWritten(VisitId visitId, PatientId patientId, java.util.Set<String> fields, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitRecord", visitId.value(), AuditAction.UPDATE)
                .patient(patientId.value())
                .fields(fields);
    }
}
