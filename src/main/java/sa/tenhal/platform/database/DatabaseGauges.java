package sa.tenhal.platform.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reading a gauge's value from the database at scrape time: while the database cannot be reached the gauge is NaN
 * (the scrape still succeeds and the other metrics still come).
 */
public final class DatabaseGauges {

    private DatabaseGauges() {}

    public static double read(Supplier<? extends Number> query) {
        try {
            Number value = query.get();
            return value == null ? 0 : value.doubleValue();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    /** Seconds since the instant the query returns; 0 when it returns none. */
    public static double secondsSince(Clock clock, Supplier<Optional<Timestamp>> query) {
        return read(() -> query.get()
                .filter(java.util.Objects::nonNull)
                .map(at -> Math.max(
                        0, Duration.between(at.toInstant(), clock.instant()).toMillis() / 1000.0))
                .orElse(0.0));
    }
}
