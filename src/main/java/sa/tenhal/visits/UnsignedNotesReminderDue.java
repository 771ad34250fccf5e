package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A clinician has visit notes still unsigned: the daily reminder (notifications sends it to their inbox). Carries a
 * count, never patient data.
 *
 * @param userId the clinician's staff user
 * @param unsigned how many of their notes are unsigned
 * @param oldestVisitAt when the oldest of them took place
 */
@DomainEvent
public record UnsignedNotesReminderDue(UUID userId, int unsigned, Instant oldestVisitAt, java.time.LocalDate on) {}
