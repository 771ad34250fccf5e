package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * An appointment as the API and other modules see it. Times are UTC instants. {@code patientId} is null when the
 * reader may not see whose it is ({@link #withoutPatient}).
 */
public record AppointmentDetails(
        AppointmentId id,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        RoomId roomId,
        UUID itineraryId,
        Instant startsAt,
        Instant endsAt,
        Instant busyUntil,
        AppointmentStatus status,
        String notes,
        String overrideReason,
        Instant bookedAt,
        Instant confirmedAt,
        ConfirmationMethod confirmationMethod,
        Instant arrivedAt,
        Instant startedAt,
        Instant completedAt,
        Instant noShowAt,
        Instant cancelledAt,
        String cancelReason,
        boolean lateCancellation,
        long version) {

    /**
     * For a reader outside the patient's care team: the time taken, where and with whom, but not for whom, and none of
     * the free text written about it.
     */
    public AppointmentDetails withoutPatient() {
        return new AppointmentDetails(
                id,
                null,
                clinicId,
                providerId,
                serviceId,
                roomId,
                itineraryId,
                startsAt,
                endsAt,
                busyUntil,
                status,
                null,
                null,
                bookedAt,
                confirmedAt,
                confirmationMethod,
                arrivedAt,
                startedAt,
                completedAt,
                noShowAt,
                cancelledAt,
                null,
                lateCancellation,
                version);
    }
}
