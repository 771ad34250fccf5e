-- Notifications: the delivery log (every message, every channel), the staff inbox, inbound replies, the demo outbox,
-- patients' quiet hours, and set-password links (identity).

create table notification_message (
    id                  uuid primary key,
    idempotency_key     varchar(300)  not null unique,
    kind                varchar(60)   not null,
    source              varchar(200)  not null,
    recipient_type      varchar(10)   not null check (recipient_type in ('PATIENT', 'STAFF')),
    recipient_id        uuid          not null,
    channel             varchar(10)   not null check (channel in ('EMAIL', 'SMS', 'WHATSAPP', 'IN_APP')),
    address             varchar(254),
    language            varchar(2)    not null,
    subject             varchar(300),
    body                text          not null,
    urgent              boolean       not null,
    status              varchar(10)   not null check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED')),
    attempts            int           not null default 0,
    segments            int,
    provider            varchar(20),
    provider_message_id varchar(100),
    last_error          varchar(1000),
    created_at          timestamptz   not null,
    send_after          timestamptz   not null,
    last_attempt_at     timestamptz,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    failed_at           timestamptz
);
create index notification_message_created on notification_message (created_at desc);
create index notification_message_recipient on notification_message (recipient_id, created_at desc);
create index notification_message_provider_id on notification_message (provider_message_id) where provider_message_id is not null;
create index notification_message_status on notification_message (status, send_after) where status in ('QUEUED', 'SENDING');

-- What the demo outbox "received" (embedded default only): the final rendered message, as a mailbox would.
create table outbox_item (
    message_id uuid primary key references notification_message (id),
    channel    varchar(10)  not null,
    address    varchar(254),
    subject    varchar(300),
    html       text,
    text       text         not null,
    created_at timestamptz  not null
);

create table staff_notification (
    id              uuid primary key,
    user_id         uuid          not null references staff_user (id),
    idempotency_key varchar(300)  not null unique,
    kind            varchar(60)   not null,
    title           varchar(300)  not null,
    body            varchar(2000) not null,
    link            varchar(500),
    created_at      timestamptz   not null,
    read_at         timestamptz
);
create index staff_notification_inbox on staff_notification (user_id, created_at desc);
create index staff_notification_unread on staff_notification (user_id) where read_at is null;

create table inbound_message (
    id                  uuid primary key,
    provider_message_id varchar(100) not null unique,
    channel             varchar(10)  not null,
    from_address        varchar(40)  not null,
    body                varchar(2000) not null,
    received_at         timestamptz  not null
);

-- Quiet hours per patient (clinic-local time); absent means the centre's default (22:00-08:00).
create table contact_preference (
    patient_id  uuid primary key,
    quiet_start time not null,
    quiet_end   time not null,
    updated_at  timestamptz not null
);

create table password_setup_token (
    token_hash char(64)    primary key,
    user_id    uuid        not null references staff_user (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_setup_token_user on password_setup_token (user_id);
