package sa.tenhal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test's clock: follows the system clock until a test sets or moves it; {@link #reset()} returns to real time.
 * Tests that move time reset it afterwards, because all integration tests share one context.
 */
public class MutableClock extends Clock {

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    public void set(Instant instant) {
        this.fixed = instant;
    }

    public void advance(Duration by) {
        if (fixed != null) {
            fixed = fixed.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
