package sa.tenhal.appointments;

import java.time.Instant;

/**
 * An existing appointment a booking would overlap: the provider's, the room's or the patient's. Only ids and times,
 * because the caller may not be allowed to see whose appointment it is.
 */
public record Conflict(Kind kind, AppointmentId appointmentId, Instant startsAt, Instant endsAt) {

    public enum Kind {
        PROVIDER,
        ROOM,
        PATIENT
    }
}
