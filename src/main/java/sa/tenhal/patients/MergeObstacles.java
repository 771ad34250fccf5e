package sa.tenhal.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What stands in the way of merging two records, found by the modules that own the data (so that {@code patients}
 * never depends on them): two visits of the one person at the same time, for instance, which cannot both be kept. A
 * merge with obstacles is refused before anything changes (409 {@code merge-obstacles} listing them), for staff to
 * decide (cancel one visit of each pair), instead of a merge that fails for good halfway.
 */
public interface MergeObstacles {

    /** One obstacle: two records of the same kind, one from each patient, and when they clash. */
    record Obstacle(String kind, UUID survivorRecord, UUID duplicateRecord, Instant startsAt, Instant endsAt) {}

    List<Obstacle> between(PatientId survivor, PatientId duplicate);
}
