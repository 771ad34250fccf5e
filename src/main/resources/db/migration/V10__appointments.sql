-- Scheduling: providers' working hours, time off, centre closures, appointments.
-- Overlaps are refused by PostgreSQL itself (exclusion constraints), so no race can double-book.

create extension if not exists btree_gist;

-- Weekly working hours in clinic-local wall-clock time (the clinic's zone has no daylight saving; a time of day is
-- what people mean by "Sunday 08:00-12:00"), valid between two dates. Several intervals a day are several rows.
create table working_hours (
    id          uuid primary key,
    provider_id uuid        not null references provider (id),
    clinic_id   uuid        not null references clinic (id),
    day_of_week smallint    not null check (day_of_week between 1 and 7), -- ISO: 1 Monday .. 7 Sunday
    starts      time        not null,
    ends        time        not null,
    valid_from  date        not null,
    valid_to    date,
    created_at  timestamptz not null,
    check (ends > starts),
    check (valid_to is null or valid_to >= valid_from)
);
create index working_hours_provider on working_hours (provider_id);

-- Leave, training: a provider is not bookable in [starts_at, ends_at).
create table time_off (
    id          uuid primary key,
    provider_id uuid         not null references provider (id),
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    reason      varchar(200) not null,
    created_by  uuid,
    created_at  timestamptz  not null,
    check (ends_at > starts_at)
);
create index time_off_provider on time_off (provider_id, starts_at);

-- Holidays (the Eid days): the whole centre, or one clinic when clinic_id is set.
create table closure (
    id          uuid primary key,
    centre_code varchar(10)  not null references centre (code),
    clinic_id   uuid references clinic (id),
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    reason      varchar(200) not null,
    created_by  uuid,
    created_at  timestamptz  not null,
    check (ends_at > starts_at)
);
create index closure_centre on closure (centre_code, starts_at);

create table appointment (
    id                  uuid primary key,
    version             bigint       not null default 0,
    patient_id          uuid         not null references patient (id),
    clinic_id           uuid         not null references clinic (id),
    provider_id         uuid         not null references provider (id),
    service_id          uuid         not null references clinical_service (id),
    room_id             uuid references room (id),
    itinerary_id        uuid,
    starts_at           timestamptz  not null,
    ends_at             timestamptz  not null,
    -- ends_at plus the service's buffer: the provider and the room are busy until then, the patient is not
    busy_until          timestamptz  not null,
    status              varchar(20)  not null,
    notes               varchar(500),
    override_reason     varchar(300),
    booked_by           uuid,
    booked_at           timestamptz  not null,
    confirmed_at        timestamptz,
    confirmation_method varchar(20),
    arrived_at          timestamptz,
    started_at          timestamptz,
    completed_at        timestamptz,
    no_show_at          timestamptz,
    cancelled_at        timestamptz,
    cancelled_by        uuid,
    cancel_reason       varchar(300),
    late_cancellation   boolean      not null default false,
    reminded_24h_at     timestamptz,
    reminded_2h_at      timestamptz,
    updated_at          timestamptz  not null,
    check (ends_at > starts_at),
    check (busy_until >= ends_at),
    check (status in ('BOOKED', 'CONFIRMED', 'ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    -- Cancelled and no-show appointments free their time; every other status holds it.
    constraint appointment_provider_overlap exclude using gist (
        provider_id with =, tstzrange(starts_at, busy_until) with &&)
        where (status not in ('CANCELLED', 'NO_SHOW')),
    constraint appointment_room_overlap exclude using gist (
        room_id with =, tstzrange(starts_at, busy_until) with &&)
        where (room_id is not null and status not in ('CANCELLED', 'NO_SHOW')),
    constraint appointment_patient_overlap exclude using gist (
        patient_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status not in ('CANCELLED', 'NO_SHOW'))
);
create index appointment_provider_time on appointment (provider_id, starts_at);
create index appointment_room_time on appointment (room_id, starts_at) where room_id is not null;
create index appointment_patient_time on appointment (patient_id, starts_at);
create index appointment_clinic_time on appointment (clinic_id, starts_at);
create index appointment_status_time on appointment (status, starts_at)
    where status in ('BOOKED', 'CONFIRMED');

-- Every move of an appointment, with the time it had before.
create table appointment_reschedule (
    id             uuid primary key,
    appointment_id uuid         not null references appointment (id),
    old_starts_at  timestamptz  not null,
    old_ends_at    timestamptz  not null,
    new_starts_at  timestamptz  not null,
    new_ends_at    timestamptz  not null,
    reason         varchar(300),
    rescheduled_by uuid,
    rescheduled_at timestamptz  not null
);
create index appointment_reschedule_appointment on appointment_reschedule (appointment_id);
