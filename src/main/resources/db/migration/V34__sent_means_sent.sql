-- "Sent" means a message left Tenhal (issue 15). A confirmation's sent_at and last_reminder_at are written only when
-- the notifications module records the message SENT; when the patient was last asked — what allows one reminder a
-- day — is a column of its own. Counters of reminders that were only asked for are named so.

alter table appointment_confirmation add column last_requested_at timestamptz;
update appointment_confirmation set last_requested_at = coalesce(last_reminder_at, sent_at, created_at);
comment on column appointment_confirmation.sent_at is
    'when the first message of the request left Tenhal (SENT in notification_message); empty until then';
comment on column appointment_confirmation.last_reminder_at is
    'when the message of the latest reminder left Tenhal; empty until one did';
comment on column appointment_confirmation.last_requested_at is
    'when the patient was last asked (request or reminder), whether or not its message has left yet';

alter table invoice rename column reminders_sent to reminders_issued;
comment on column invoice.reminders_issued is
    'overdue reminders issued (InvoiceOverdue published); notification_message says whether each left';
comment on column appointment.reminded_24h_at is
    'when the 24 h reminder was issued (AppointmentReminderDue published), so that it is issued once; notification_message says when it left';
comment on column appointment.reminded_2h_at is
    'when the 2 h reminder was issued (AppointmentReminderDue published), so that it is issued once; notification_message says when it left';
