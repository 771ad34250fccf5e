package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.UUID;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.patients.PatientId;

/**
 * A confirmation request as staff and other modules see it (never its links: they exist only in the messages).
 *
 * @param appointmentStartsAt the start it asks about (a reschedule makes a new request)
 * @param confirmedByAddress the client address of a confirmation or decline by link
 * @param confirmedBy the staff user who recorded a PHONE or IN_PERSON confirmation
 * @param endedBecause why a request ended unanswered: EXPIRED, RESCHEDULED, CANCELLED, CLOSED
 * @param sentAt when the request's first message actually left Tenhal (the notifications module reports it, {@link
 *     Confirmations#messageSent}); empty until then, and for ever if none could be sent
 * @param reminderCount the reminders asked for (at most 3)
 * @param lastReminderAt when the latest reminder's message left Tenhal; empty until one did
 * @param expired the seed's {@code is_expired}
 * @param valid the seed's {@code is_valid}: pending and not expired
 */
public record ConfirmationDetails(
        UUID id,
        AppointmentId appointmentId,
        PatientId patientId,
        Instant appointmentStartsAt,
        ConfirmationStatus status,
        ConfirmationMethod method,
        Instant confirmedAt,
        String confirmedByAddress,
        String confirmedByUserAgent,
        UUID confirmedBy,
        Instant declinedAt,
        String declineReason,
        Instant endedAt,
        String endedBecause,
        Instant expiresAt,
        Instant sentAt,
        int reminderCount,
        Instant lastReminderAt,
        Instant createdAt,
        boolean expired,
        boolean valid) {}
