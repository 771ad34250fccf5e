/**
 * Patients confirm their appointments (seed 000): every booked appointment gets an {@link
 * sa.tenhal.appointments.confirmation.AppointmentConfirmation}, whose request goes out by email and SMS or WhatsApp
 * with a one-time link ({@code /p/confirm/<64 hex>}); the patient confirms or declines on that page, or replies 1 / 2
 * to the text; staff record confirmations by phone or in person. Reminders for unconfirmed appointments (at most 3)
 * and the expiry of old requests are recurring jobs.
 *
 * <ul>
 *   <li>API (a named interface of the appointments module): {@link sa.tenhal.appointments.confirmation.Confirmations}
 *       and its events.
 *   <li>Publishes {@link sa.tenhal.appointments.confirmation.ConfirmationRequested} (send a request or reminder),
 *       {@link sa.tenhal.appointments.confirmation.ConfirmationReceived}, {@link
 *       sa.tenhal.appointments.confirmation.ConfirmationDeclined}, {@link
 *       sa.tenhal.appointments.confirmation.ConfirmationExpired} — all audited.
 *   <li>Listens to {@code AppointmentBooked} (create and send), {@code AppointmentRescheduled} (end the old request,
 *       send a new one), {@code AppointmentCancelled} (end it), {@code AppointmentConfirmed} (staff confirmed it
 *       elsewhere: no more reminders), {@code PatientsMerged} (requests follow the survivor).
 * </ul>
 */
@org.springframework.modulith.NamedInterface("confirmation")
package sa.tenhal.appointments.confirmation;
