package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * A visit on the desk's "to rebook" list: why ({@link Why}), the visit it was, and the reason in the patient's words
 * (a decline's; {@code null} otherwise). Open until the patient is booked again for the service or staff dismiss it.
 */
public record RebookEntry(
        UUID id,
        AppointmentId appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        Why why,
        String reason,
        Instant createdAt) {

    /** How the visit came off the calendar. */
    public enum Why {
        DECLINED,
        CANCELLED_BY_CLINIC,
        NO_SHOW
    }
}
