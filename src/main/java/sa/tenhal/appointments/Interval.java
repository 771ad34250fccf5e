package sa.tenhal.appointments;

import java.time.Instant;

/** A half-open span of time {@code start} (inclusive) to {@code end} (exclusive). */
record Interval(Instant start, Instant end) {

    Interval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval ends after it starts: " + start + " " + end);
        }
    }

    boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    boolean contains(Interval other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
