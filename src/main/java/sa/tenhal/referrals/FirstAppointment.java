package sa.tenhal.referrals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The referred patient's first appointment in the receiving clinic, booked in the same step as accepting. */
public record FirstAppointment(
        @NotNull UUID serviceId,
        @NotNull UUID providerId,
        UUID roomId,
        @NotNull Instant startsAt,
        @Size(max = 500) String notes) {}
