package sa.tenhal.appointments;

import java.time.Instant;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;

/** A bookable time: the provider, the free room of the needed kind (null when the service needs none), the time. */
public record Slot(ProviderId providerId, RoomId roomId, Instant startsAt, Instant endsAt) {}
