-- Patients: registry, guardians, coverage, files (numbered per centre and year), consents.

create sequence patient_mrn_seq start with 1000001;

create table patient (
    id                 uuid primary key,
    version            bigint       not null default 0,
    mrn                varchar(12)  not null unique,
    given_name_ar      varchar(60),
    family_name_ar     varchar(60),
    given_name_en      varchar(60),
    family_name_en     varchar(60),
    birth_date         date         not null,
    sex                varchar(6)   not null check (sex in ('MALE', 'FEMALE')),
    nationality        char(2)      not null,
    id_type            varchar(12)  not null check (id_type in ('NATIONAL_ID', 'IQAMA', 'PASSPORT')),
    id_number          varchar(20)  not null,
    id_country         char(2),
    mobile             varchar(16),
    email              varchar(254),
    preferred_language varchar(2)   not null,
    channels           varchar(40)  not null default '',
    status             varchar(10)  not null check (status in ('ACTIVE', 'ARCHIVED', 'MERGED')),
    merged_into        uuid references patient (id),
    archive_reason     varchar(500),
    -- normalized names (case, diacritics, hamza forms folded) for search; the tsvector serves short prefixes
    search_text        text         not null,
    search_vector      tsvector generated always as (to_tsvector('simple', search_text)) stored,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    check ((given_name_ar is not null and family_name_ar is not null)
        or (given_name_en is not null and family_name_en is not null)),
    check (status <> 'MERGED' or merged_into is not null)
);
-- One live record per identity document; the database refuses a duplicate even when two clerks race.
create unique index patient_identity on patient (id_type, id_number) where status <> 'MERGED';
create index patient_search_trgm on patient using gin (search_text gin_trgm_ops) where status = 'ACTIVE';
create index patient_search_vector on patient using gin (search_vector) where status = 'ACTIVE';
create index patient_mobile on patient (mobile);
create index patient_id_number on patient (id_number);
create index patient_birth_date on patient (birth_date);
create index patient_status_family on patient (status, family_name_en, given_name_en);

create table patient_guardian (
    id              uuid primary key,
    patient_id      uuid         not null references patient (id),
    name            varchar(120) not null,
    relation        varchar(20)  not null,
    phone           varchar(16)  not null,
    primary_contact boolean      not null,
    position        int          not null
);
create index patient_guardian_patient on patient_guardian (patient_id);
create index patient_guardian_phone on patient_guardian (phone);

create table patient_coverage (
    id            uuid primary key,
    patient_id    uuid         not null references patient (id),
    payer_id      varchar(50)  not null,
    payer_name    varchar(150) not null,
    member_id     varchar(50)  not null,
    policy_number varchar(50),
    plan_class    varchar(30),
    expires_on    date,
    position      int          not null
);
create index patient_coverage_patient on patient_coverage (patient_id);

-- Gapless file numbers: the counter row is locked by the transaction that takes a number, and a rollback gives it back.
create table file_number_counter (
    centre_code varchar(10) not null,
    year        int         not null,
    last_number int         not null,
    primary key (centre_code, year)
);

create table patient_file (
    id           uuid primary key,
    version      bigint       not null default 0,
    patient_id   uuid         not null references patient (id),
    centre_code  varchar(10)  not null,
    number       varchar(20)  not null,
    status       varchar(6)   not null check (status in ('OPEN', 'CLOSED')),
    opened_at    timestamptz  not null,
    closed_at    timestamptz,
    close_reason varchar(500),
    unique (centre_code, number)
);
-- A patient has at most one open file per centre.
create unique index patient_file_open on patient_file (patient_id, centre_code) where status = 'OPEN';
create index patient_file_patient on patient_file (patient_id);

create table patient_file_history (
    id       bigserial primary key,
    file_id  uuid         not null references patient_file (id),
    action   varchar(10)  not null check (action in ('OPENED', 'CLOSED', 'REOPENED', 'MOVED')),
    reason   varchar(500),
    at       timestamptz  not null,
    by_user  uuid
);
create index patient_file_history_file on patient_file_history (file_id);

create table consent (
    id                uuid primary key,
    patient_id        uuid         not null references patient (id),
    kind              varchar(20)  not null,
    given_by          varchar(10)  not null check (given_by in ('PATIENT', 'GUARDIAN')),
    guardian_id       uuid references patient_guardian (id) on delete set null,
    signer_name       varchar(120) not null,
    text_version      varchar(30)  not null,
    given_at          timestamptz  not null,
    withdrawn_at      timestamptz,
    withdrawal_reason varchar(500),
    recorded_by       uuid,
    recorded_at       timestamptz  not null
);
create index consent_patient on consent (patient_id);
