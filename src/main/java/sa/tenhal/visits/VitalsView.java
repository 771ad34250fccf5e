package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;

/** One measuring of vitals, with when and in which visit. */
public record VitalsView(UUID id, UUID visitId, Instant measuredAt, Vitals values) {}
