package sa.tenhal.desk.appointments;

import java.time.Duration;
import java.time.Instant;
import sa.tenhal.appointments.AppointmentDetails;

/**
 * One appointment as the desk pages show it: the appointment with the names a person reads (never anything clinical).
 */
public record VisitLine(
        AppointmentDetails appointment,
        String patientName,
        String mrn,
        String service,
        String provider,
        String clinic,
        String room) {

    /** Minutes since the patient arrived, for "who is waiting and for how long". */
    public long minutesWaiting(Instant now) {
        return appointment.arrivedAt() == null
                ? 0
                : Duration.between(appointment.arrivedAt(), now).toMinutes();
    }
}
