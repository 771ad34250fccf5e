package sa.tenhal.appointments;

import java.time.Instant;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;

/**
 * Where and when an appointment sits: the patient's time is {@code startsAt} (inclusive) to {@code endsAt} (exclusive); the provider and the room are
 * busy until {@code busyUntil} (the end plus the service's buffer).
 */
record Placement(
        ClinicId clinic,
        ProviderId provider,
        ServiceId service,
        RoomId room,
        Instant startsAt,
        Instant endsAt,
        Instant busyUntil) {

    Interval patientTime() {
        return new Interval(startsAt, endsAt);
    }

    Interval busyTime() {
        return new Interval(startsAt, busyUntil);
    }
}
