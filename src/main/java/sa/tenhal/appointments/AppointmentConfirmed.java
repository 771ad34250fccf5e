package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The patient confirmed they are coming (by link, reply, phone or in person). */
@DomainEvent
public record AppointmentConfirmed(
        UUID appointmentId, PatientId patientId, ConfirmationMethod method, Instant startsAt, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Appointment", appointmentId, AuditAction.CONFIRM)
                .patient(patientId.value())
                .note(method.name());
    }
}
