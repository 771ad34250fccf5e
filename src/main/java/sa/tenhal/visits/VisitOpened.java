package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The visit started: its record (the encounter) is open for the note, vitals, diagnoses, services and orders. */
@DomainEvent
public record VisitOpened(
        VisitId visitId, UUID appointmentId, PatientId patientId, UUID clinicId, UUID providerId, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("VisitRecord", visitId.value(), AuditAction.CREATE).patient(patientId.value());
    }
}
