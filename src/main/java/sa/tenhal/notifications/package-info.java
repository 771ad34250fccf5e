/**
 * Messages to patients and staff: email (SMTP), SMS and WhatsApp (Twilio's REST API, behind a provider interface),
 * and the staff's in-app inbox. Templates per message kind in Arabic and English; patients' channels, language and
 * quiet hours; a delivery log in which an idempotency key (source event + recipient + channel + purpose) is unique, so
 * that nothing is sent twice; provider status callbacks and inbound replies on signed webhooks. On the embedded
 * default nothing leaves the machine: messages land in the outbox page. No message is lost on a crash: one interrupted
 * mid-send is sent after recovery, the provider asked first where it can tell ({@code MessageDelivery},
 * {@code MessageRecovery}); a duplicate is possible only for a message in flight at the instant of a crash. A message's
 * sent time, and the sent times other modules keep ({@code SentReceipts}), mean that it left. A patient's message goes
 * by one channel, the first they can be reached by in their order, and the next only when it fails (held rows queued in
 * the failure's transaction), unless they asked for every channel; a WhatsApp message the clinic starts goes as its
 * approved template (Twilio Content API), falling back to SMS when Twilio refuses it.
 *
 * <ul>
 *   <li>Listens to: {@code StaffUserCreated} (welcome email with a set-password link), {@code ConsentRecorded} (in-app
 *       notice to the care team), {@code JobFailed} and {@code EventListenerGaveUp} (in-app notice to admins),
 *       {@code PatientsMerged} (quiet hours follow the survivor), {@code AppointmentReminderDue} (the
 *       patient's reminder by their channels and language), {@code ProviderDayScheduled} (a provider's next-day list,
 *       in-app and by email as a PDF), the referral events (the receiving clinic, the
 *       referrer or the managers are told; weekly statistics to managers), the confirmation
 *       workflow's {@code ConfirmationRequested} (request or reminder with a one-time link; after a move, the moved
 *       message with the old and the new time; composed and queued in the requesting transaction, or owed to a durable
 *       listener when it does not render), appointments' {@code AppointmentCancelled} (a clinic's cancellation
 *       told to the patient or the child's guardian, with the clinic's phone and the link) and
 *       {@code ConfirmationDeclined} (cancellation confirmation), and its own {@code InboundMessageReceived} (a reply of
 *       1 / 2 / yes / نعم is handed to the confirmation workflow and answered); finance's {@code InvoiceIssued},
 *       {@code PaymentReceived}, {@code InvoiceOverdue} and {@code FinancialReportDue} (documents, receipts,
 *       reminders and reports by email, see {@code FinanceNotices}); visits' {@code UnsignedNotesReminderDue} (the
 *       clinician's daily reminder of unsigned notes, in the inbox).
 *   <li>Publishes {@link sa.tenhal.notifications.InboundMessageReceived} (a patient replied by SMS or WhatsApp).
 *   <li>No module depends on this one: it reacts to events.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "identity",
            "clinics",
            "appointments",
            "appointments :: confirmation",
            "finance",
            "patients",
            "referrals",
            "visits",
            "platform",
            "platform :: jobs",
            "platform :: validation",
            "shared"
        })
package sa.tenhal.notifications;
