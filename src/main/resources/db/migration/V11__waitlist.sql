-- The waitlist: patients waiting for a service (at a clinic, with one provider or any) on preferred days and hours,
-- and the offers of freed slots made to them. An offer's link token is stored only as its SHA-256.

create table waitlist_entry (
    id                 uuid primary key,
    version            bigint       not null default 0,
    patient_id         uuid         not null references patient (id),
    clinic_id          uuid         not null references clinic (id),
    service_id         uuid         not null references clinical_service (id),
    provider_id        uuid references provider (id),
    -- ISO days of the week as bits: 1 << (day - 1), Monday = 1 .. Sunday = 64
    preferred_days     smallint     not null check (preferred_days between 1 and 127),
    preferred_from     time,
    preferred_to       time,
    wait_until         date,
    status             varchar(20)  not null check (status in ('WAITING', 'OFFERED', 'BOOKED', 'CANCELLED')),
    notes              varchar(300),
    appointment_id     uuid references appointment (id),
    created_by         uuid,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    check (preferred_to is null or preferred_from is null or preferred_to > preferred_from)
);
create index waitlist_entry_waiting on waitlist_entry (clinic_id, created_at) where status = 'WAITING';
create index waitlist_entry_patient on waitlist_entry (patient_id);

create table waitlist_offer (
    id             uuid primary key,
    entry_id       uuid         not null references waitlist_entry (id),
    patient_id     uuid         not null references patient (id),
    clinic_id      uuid         not null references clinic (id),
    provider_id    uuid         not null references provider (id),
    service_id     uuid         not null references clinical_service (id),
    starts_at      timestamptz  not null,
    -- the appointment whose cancellation or move freed the slot
    freed_by       uuid         not null,
    token_hash     char(64) unique,
    status         varchar(20)  not null check (status in ('PENDING', 'CLAIMED', 'EXPIRED', 'TAKEN', 'WITHDRAWN')),
    offered_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    claimed_at     timestamptz,
    appointment_id uuid references appointment (id)
);
create index waitlist_offer_entry on waitlist_offer (entry_id);
create index waitlist_offer_slot on waitlist_offer (provider_id, starts_at);
