package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The patient checked in. */
@DomainEvent
public record AppointmentArrived(UUID appointmentId, PatientId patientId, ProviderId providerId, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Appointment", appointmentId, AuditAction.UPDATE)
                .patient(patientId.value())
                .fields(java.util.Set.of("status"))
                .note("ARRIVED");
    }
}
