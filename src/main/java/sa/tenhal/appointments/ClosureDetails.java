package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;

/** A closure of the centre ({@code clinicId} null) or of one clinic. */
public record ClosureDetails(
        UUID id, String centreCode, ClinicId clinicId, Instant startsAt, Instant endsAt, String reason) {}
