-- Patient confirmation of appointments (seed 000): one row per request to confirm; a reschedule ends the old row and
-- starts a new one. Links carry 256-bit secrets; only their SHA-256 is stored (appointment_confirmation_token).

create table appointment_confirmation (
    id                      uuid primary key,
    version                 bigint       not null default 0,
    appointment_id          uuid         not null references appointment (id),
    patient_id              uuid         not null references patient (id),
    clinic_id               uuid         not null references clinic (id),
    provider_id             uuid         not null references provider (id),
    -- the appointment's start when the confirmation was created: a reschedule makes a new confirmation
    appointment_starts_at   timestamptz  not null,
    status                  varchar(20)  not null check (status in ('PENDING', 'CONFIRMED', 'DECLINED', 'EXPIRED')),
    method                  varchar(20),
    confirmed_at            timestamptz,
    -- the client address and browser of a confirmation or decline by link
    confirmed_by_ip         varchar(64),
    confirmed_by_user_agent varchar(500),
    -- the staff user who recorded a PHONE or IN_PERSON confirmation
    confirmed_by_user       uuid,
    declined_at             timestamptz,
    decline_reason          varchar(300),
    expired_at              timestamptz,
    -- why it ended without an answer: EXPIRED (time), RESCHEDULED, CANCELLED, CLOSED (the appointment moved on)
    ended_because           varchar(20),
    expires_at              timestamptz  not null,
    sent_at                 timestamptz,
    reminder_count          integer      not null default 0,
    last_reminder_at        timestamptz,
    -- the mobile (E.164) the last request went to: an SMS or WhatsApp reply from it answers this confirmation
    reply_mobile            varchar(20),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    check (reminder_count >= 0)
);
-- at most one open confirmation per appointment
create unique index appointment_confirmation_one_pending
    on appointment_confirmation (appointment_id) where status = 'PENDING';
create index appointment_confirmation_appointment on appointment_confirmation (appointment_id, created_at);
create index appointment_confirmation_pending
    on appointment_confirmation (appointment_starts_at) where status = 'PENDING';
create index appointment_confirmation_reply
    on appointment_confirmation (reply_mobile) where status = 'PENDING';

create table appointment_confirmation_token (
    token_hash      char(64)    primary key,
    confirmation_id uuid        not null references appointment_confirmation (id),
    created_at      timestamptz not null
);
create index appointment_confirmation_token_confirmation on appointment_confirmation_token (confirmation_id);
