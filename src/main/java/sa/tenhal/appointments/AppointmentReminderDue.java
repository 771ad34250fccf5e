package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * A confirmed appointment's reminder is due: the patient is to be reminded by their channels and language.
 *
 * @param offset {@code 24h}, {@code 2h}, or {@code today} (the daily 08:00 catch-up)
 */
@DomainEvent
public record AppointmentReminderDue(
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        String offset,
        Instant at) {}
