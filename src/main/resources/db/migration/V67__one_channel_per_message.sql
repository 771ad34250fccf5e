-- One channel per message (issue 19). A patient's message is recorded on every channel it may take, but only the
-- first goes out: the others are HELD, each pointing at the one it stands in for (fallback_of). When a message fails
-- for good, the message held behind it is queued in the same transaction, so a crash can neither lose the fallback
-- nor send it twice (its idempotency key is the one it was recorded with).
alter table notification_message drop constraint notification_message_status_check;
alter table notification_message add constraint notification_message_status_check
    check (status in ('HELD', 'QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED'));
alter table notification_message add column fallback_of uuid references notification_message (id);
create index notification_message_fallback on notification_message (fallback_of) where fallback_of is not null;

-- A WhatsApp message the clinic starts goes as an approved template (Twilio Content API): its ContentSid and the
-- variables, as JSON, kept with the message so that a retry or a recovery sends exactly the same.
alter table notification_message add column content_sid varchar(40);
alter table notification_message add column content_variables text;

-- A patient's own order of channels (e.g. 'SMS,EMAIL') and whether they asked for every channel at once; the quiet
-- hours of a row may now be absent (the centre's default), since a row may hold only the channel choice.
alter table contact_preference alter column quiet_start drop not null;
alter table contact_preference alter column quiet_end drop not null;
alter table contact_preference add column channel_order varchar(40);
alter table contact_preference add column every_channel boolean not null default false;
