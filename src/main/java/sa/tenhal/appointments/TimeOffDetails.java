package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ProviderId;

/** A provider's leave or training. */
public record TimeOffDetails(UUID id, ProviderId providerId, Instant startsAt, Instant endsAt, String reason) {}
