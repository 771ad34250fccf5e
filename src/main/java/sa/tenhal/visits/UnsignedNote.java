package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;

/** A visit whose note is not signed yet. */
public record UnsignedNote(UUID visitId, UUID patientId, UUID providerId, Instant visitAt) {}
