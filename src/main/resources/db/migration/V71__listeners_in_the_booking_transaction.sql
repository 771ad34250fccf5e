-- Two durable listeners became listeners in the publishing transaction (issue 23): the confirmation request's message
-- (notifications) and the closed loop's question whether a referral awaits the booking (referrals). Their publications
-- still incomplete when this version first starts (in flight at the upgrade, or failed and waiting to be tried again)
-- would find no listener any more; they are handed here to the durable listeners that now do that work after a commit,
-- keeping their ids (and so their failure records), so that no message and no referral link is lost.

-- 1. A request's message not yet composed is owed: a ConfirmationMessageOwed publication wrapping the request.
update event_publication
   set event_type       = 'sa.tenhal.notifications.ConfirmationMessageOwed',
       listener_id      = 'sa.tenhal.notifications.ConfirmationMessages.on(sa.tenhal.notifications.ConfirmationMessageOwed)',
       serialized_event = json_build_object('requested', serialized_event::json,
                                            'at', serialized_event::json -> 'at')::text
 where listener_id = 'sa.tenhal.notifications.ConfirmationMessages.on(sa.tenhal.appointments.confirmation.ConfirmationRequested)'
   and completion_date is null;

update event_publication_failure
   set event_type  = 'sa.tenhal.notifications.ConfirmationMessageOwed',
       listener_id = 'sa.tenhal.notifications.ConfirmationMessages.on(sa.tenhal.notifications.ConfirmationMessageOwed)'
 where listener_id = 'sa.tenhal.notifications.ConfirmationMessages.on(sa.tenhal.appointments.confirmation.ConfirmationRequested)';

-- 2. A booking the closed loop has not looked at yet: when an accepted referral to that clinic awaits a first visit,
--    the link is published for it (ReferredPatientBooked); otherwise the loop had nothing to do, and the publication
--    is done.
update event_publication p
   set event_type       = 'sa.tenhal.referrals.ReferredPatientBooked',
       listener_id      = 'sa.tenhal.referrals.ClosedLoop.on(sa.tenhal.referrals.ReferredPatientBooked)',
       serialized_event = json_build_object('referralId', r.id,
                                            'appointmentId', p.serialized_event::json ->> 'appointmentId',
                                            'at', p.serialized_event::json -> 'at')::text
  from referral r
 where p.listener_id = 'sa.tenhal.referrals.ClosedLoop.on(sa.tenhal.appointments.AppointmentBooked)'
   and p.completion_date is null
   and r.patient_id = (p.serialized_event::json ->> 'patientId')::uuid
   and r.to_clinic_id = (p.serialized_event::json ->> 'clinicId')::uuid
   and r.status = 'ACCEPTED'
   and r.first_appointment_id is null;

update event_publication_failure f
   set event_type  = p.event_type,
       listener_id = p.listener_id
  from event_publication p
 where f.publication_id = p.id
   and f.listener_id = 'sa.tenhal.referrals.ClosedLoop.on(sa.tenhal.appointments.AppointmentBooked)';

delete from event_publication_failure
 where listener_id = 'sa.tenhal.referrals.ClosedLoop.on(sa.tenhal.appointments.AppointmentBooked)';

delete from event_publication
 where listener_id = 'sa.tenhal.referrals.ClosedLoop.on(sa.tenhal.appointments.AppointmentBooked)';
