package sa.tenhal.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The clinic's wall clock: instants are stored in UTC, people think in the clinic's time zone ({@code Asia/Riyadh}
 * unless {@code tenhal.time-zone} says otherwise). Tests replace the {@link Clock} bean to move time.
 */
public record ClinicTime(Clock clock, ZoneId zone) {

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }
}
