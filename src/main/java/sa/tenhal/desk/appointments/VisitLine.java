package sa.tenhal.desk.appointments;

import java.time.Duration;
import java.time.Instant;
import sa.tenhal.appointments.AppointmentDetails;

/**
 * One appointment as the desk pages show it: the appointment with the names a person reads (never anything clinical),
 * and the number to call to confirm it (the patient's mobile, else the primary guardian's; null when the reader may
 * not see it or there is none).
 */
public record VisitLine(
        AppointmentDetails appointment,
        String patientName,
        String mrn,
        String service,
        String provider,
        String clinic,
        String room,
        String phone) {

    /** Minutes since the patient arrived, for "who is waiting and for how long". */
    public long minutesWaiting(Instant now) {
        return appointment.arrivedAt() == null
                ? 0
                : Duration.between(appointment.arrivedAt(), now).toMinutes();
    }
}
