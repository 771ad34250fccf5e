package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** An appointment was cancelled (its slot is free again); {@code late} when under the late-cancellation notice (24 h). */
@DomainEvent
public record AppointmentCancelled(
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        Instant endsAt,
        UUID cancelledBy,
        boolean late,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Appointment", appointmentId, AuditAction.CANCEL)
                .patient(patientId.value())
                .note(late ? "late cancellation" : null);
    }
}
