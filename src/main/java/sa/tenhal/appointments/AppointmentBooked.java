package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/**
 * An appointment was booked; {@code overridden} when a manager booked it outside working hours or in time off.
 * {@code insured}: the patient had an insurance coverage on file when it was booked, so the booking may concern the
 * insurer (a prior authorisation); listeners that only care about insured bookings make it their condition, and an
 * uninsured booking then stores no publication for them. {@code null} in an event published before it was recorded:
 * unknown, to be treated as insured.
 */
@DomainEvent
public record AppointmentBooked(
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        RoomId roomId,
        UUID itineraryId,
        Instant startsAt,
        Instant endsAt,
        boolean overridden,
        Boolean insured,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Appointment", appointmentId, overridden ? AuditAction.OVERRIDE : AuditAction.CREATE)
                .patient(patientId.value())
                .note(overridden ? "booked outside working hours" : null);
    }
}
