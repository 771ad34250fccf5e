package sa.tenhal.referrals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An appointment was booked for a patient whose accepted referral to that clinic awaits its first visit: the referral
 * takes it as its first appointment after the booking commits ({@link ClosedLoop}). Internal to the referrals module.
 */
@DomainEvent
record ReferredPatientBooked(UUID referralId, UUID appointmentId, Instant at) {}
