package sa.tenhal.desk.appointments;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.appointments.Booking;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * One chosen slot of a visit plan (several appointments across clinics booked together), carried between the booking
 * page's requests as {@code service|provider|room|start} — the page keeps the plan, the server keeps nothing until
 * "book all" books it atomically.
 */
record PlannedVisit(UUID serviceId, UUID providerId, UUID roomId, Instant startsAt) {

    static PlannedVisit parse(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("a planned visit is service|provider|room|start");
        }
        return new PlannedVisit(
                UUID.fromString(parts[0]),
                UUID.fromString(parts[1]),
                parts[2].isEmpty() ? null : UUID.fromString(parts[2]),
                Instant.parse(parts[3]));
    }

    String text() {
        return serviceId + "|" + providerId + "|" + (roomId == null ? "" : roomId) + "|" + startsAt;
    }

    Booking booking(PatientId patient) {
        return new Booking(
                patient,
                new ServiceId(serviceId),
                new ProviderId(providerId),
                roomId == null ? null : new RoomId(roomId),
                startsAt,
                null,
                null);
    }
}
