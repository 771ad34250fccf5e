package sa.tenhal.finance;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * A visit that took place and is to be billed: the fields of the appointments module's {@code AppointmentCompleted},
 * so that a listener maps one onto the other without finance depending on appointments.
 */
public record CompletedVisit(
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        Instant completedAt) {

    public CompletedVisit {
        if (appointmentId == null || patientId == null || clinicId == null || serviceId == null || startsAt == null) {
            throw new IllegalArgumentException(
                    "a completed visit names its appointment, patient, clinic, service and time");
        }
    }
}
