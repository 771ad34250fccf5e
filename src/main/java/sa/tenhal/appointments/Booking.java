package sa.tenhal.appointments;

import java.time.Instant;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * What to book: a patient, a service (which names the clinic, duration, buffer and room kind), a provider, the start,
 * and optionally a room (otherwise the first free room of the kind the service needs is taken). {@code overrideReason}
 * lets a manager or admin book outside working hours, in time off or on a closure; it is audited.
 */
public record Booking(
        PatientId patientId,
        ServiceId serviceId,
        ProviderId providerId,
        RoomId roomId,
        Instant startsAt,
        String notes,
        String overrideReason) {}
