-- Issue 17: the visit record. One record per appointment (the encounter), opened when the visit starts.

create table visit_record (
    id                uuid primary key,
    version           bigint       not null default 0,
    appointment_id    uuid         not null unique,
    patient_id        uuid         not null,
    clinic_id         uuid         not null,
    provider_id       uuid,
    service_id        uuid,
    discipline        varchar(30)  not null,
    note_kind         varchar(10)  not null check (note_kind in ('SOAP', 'SESSION')),
    visit_at          timestamptz  not null,
    reason            varchar(500),
    -- SOAP
    subjective        text,
    objective         text,
    assessment        text,
    plan              text,
    -- session note (speech, OT, ABA, psychology)
    activities        text,
    home_programme    text,
    opened_at         timestamptz  not null,
    opened_by         uuid,
    signed_at         timestamptz,
    signed_by         uuid,
    signed_by_name    varchar(200),
    updated_at        timestamptz  not null
);
create index visit_record_patient on visit_record (patient_id, visit_at desc);
create index visit_record_unsigned on visit_record (provider_id) where signed_at is null;

-- The goals a session worked on, and the progress against each.
create table visit_goal (
    visit_id  uuid         not null references visit_record (id),
    position  int          not null,
    goal      varchar(500) not null,
    progress  varchar(1000),
    primary key (visit_id, position)
);

-- Later changes to a signed note: who and when.
create table visit_addendum (
    id              uuid primary key,
    visit_id        uuid          not null references visit_record (id),
    text            text          not null,
    written_at      timestamptz   not null,
    written_by      uuid,
    written_by_name varchar(200)
);
create index visit_addendum_visit on visit_addendum (visit_id, written_at);

-- Vitals and measurements, one row per measuring (any of the values may be absent).
create table visit_vitals (
    id               uuid primary key,
    visit_id         uuid          not null references visit_record (id),
    patient_id       uuid          not null,
    measured_at      timestamptz   not null,
    weight_kg        numeric(6, 3),
    height_cm        numeric(5, 1),
    head_cm          numeric(4, 1),
    temperature_c    numeric(4, 1),
    heart_rate       int,
    respiratory_rate int,
    systolic         int,
    diastolic        int,
    spo2             int,
    recorded_by      uuid
);
create index visit_vitals_patient on visit_vitals (patient_id, measured_at);

-- ICD-10 codes (a shipped list of what these centres see most; a clinic may load the full list from a CSV).
create table icd10_code (
    code      varchar(10) primary key,
    title_en  varchar(300) not null,
    title_ar  varchar(300) not null,
    shipped   boolean      not null default false
);
create index icd10_code_en on icd10_code using gin (lower(title_en) gin_trgm_ops);
create index icd10_code_ar on icd10_code using gin (title_ar gin_trgm_ops);

create table visit_diagnosis (
    id          uuid primary key,
    visit_id    uuid         not null references visit_record (id),
    patient_id  uuid         not null,
    code        varchar(10)  not null,
    title_en    varchar(300) not null,
    title_ar    varchar(300) not null,
    rank        varchar(10)  not null check (rank in ('PRIMARY', 'SECONDARY')),
    recorded_at timestamptz  not null,
    recorded_by uuid,
    unique (visit_id, code)
);
create unique index visit_diagnosis_one_primary on visit_diagnosis (visit_id) where rank = 'PRIMARY';

-- The patient's problem list: active diagnoses across visits, resolved with a date.
create table patient_problem (
    id            uuid primary key,
    patient_id    uuid         not null,
    code          varchar(10)  not null,
    title_en      varchar(300) not null,
    title_ar      varchar(300) not null,
    since         date         not null,
    first_visit   uuid         not null references visit_record (id),
    resolved_on   date,
    resolved_by   uuid
);
create unique index patient_problem_active on patient_problem (patient_id, code) where resolved_on is null;

-- What was performed (finance bills these); defaults to the booked service.
create table visit_service (
    visit_id    uuid not null references visit_record (id),
    service_id  uuid not null,
    quantity    int  not null check (quantity between 1 and 20),
    primary key (visit_id, service_id)
);

-- Laboratory (LOINC) and imaging (procedure code) orders: ordered → sent → resulted → reviewed.
create table visit_order (
    id           uuid primary key,
    version      bigint       not null default 0,
    visit_id     uuid         not null references visit_record (id),
    patient_id   uuid         not null,
    kind         varchar(10)  not null check (kind in ('LAB', 'IMAGING')),
    code         varchar(20)  not null,
    display      varchar(300) not null,
    note         varchar(1000),
    status       varchar(10)  not null check (status in ('ORDERED', 'SENT', 'RESULTED', 'REVIEWED')),
    ordered_at   timestamptz  not null,
    ordered_by   uuid,
    sent_at      timestamptz,
    resulted_at  timestamptz,
    reviewed_at  timestamptz,
    reviewed_by  uuid
);
create index visit_order_visit on visit_order (visit_id);
create index visit_order_patient on visit_order (patient_id, ordered_at desc);

-- The note templates a clinic edits, one per discipline.
create table note_template (
    discipline     varchar(30) primary key,
    version        bigint      not null default 0,
    reason         varchar(500),
    subjective     text,
    objective      text,
    assessment     text,
    plan           text,
    goals          text,
    activities     text,
    home_programme text,
    updated_at     timestamptz not null
);

-- The unsigned-notes reminder went to this clinician on this day (running the job twice sends nothing twice).
create table unsigned_note_reminder (
    user_id     uuid not null,
    reminded_on date not null,
    primary key (user_id, reminded_on)
);
