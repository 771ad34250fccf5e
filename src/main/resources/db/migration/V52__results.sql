-- Laboratory and radiology results (issue 22, docs/results.md): reports as clinicians read them, each observation
-- with its history of corrections, the inbound messages seen once, and the FHIR sources' high-water marks.

-- A report from a lab or imaging centre: one per (source, the source's own id for it). A correction updates the report
-- and adds a revision of the observation it corrects; nothing is deleted.
create table result_report (
    id               uuid primary key,
    version          bigint       not null default 0,
    source           varchar(80)  not null,
    external_id      varchar(200) not null,
    kind             varchar(10)  not null check (kind in ('LAB', 'IMAGING')),
    code             varchar(40),
    code_system      varchar(100),
    display          varchar(300),
    status           varchar(12)  not null check (status in ('PRELIMINARY', 'FINAL', 'CORRECTED', 'CANCELLED')),
    flag             varchar(10)  not null check (flag in ('NORMAL', 'ABNORMAL', 'CRITICAL')),
    -- how it found its patient: by the order number, by the patient's identifiers, or it waits for a person
    match_state      varchar(10)  not null check (match_state in ('ORDER', 'PATIENT', 'QUEUED', 'MANUAL')),
    match_note       varchar(300),
    order_id         uuid,
    patient_id       uuid,
    ordered_by       uuid,
    placer_order     varchar(80),
    -- the patient as the source named them (what a person matches by hand)
    sent_mrn         varchar(40),
    sent_national_id varchar(40),
    sent_family      varchar(100),
    sent_given       varchar(100),
    sent_birth_date  date,
    sent_sex         varchar(10),
    report_text      text,
    pdf              bytea,
    imaging_study    varchar(300),
    observed_at      timestamptz,
    received_at      timestamptz  not null,
    updated_at       timestamptz  not null,
    reviewed_at      timestamptz,
    reviewed_by      uuid,
    unique (source, external_id),
    check (match_state = 'QUEUED' or patient_id is not null)
);
create index result_report_patient on result_report (patient_id, observed_at desc);
create index result_report_order on result_report (order_id);
create index result_report_queue on result_report (received_at) where match_state = 'QUEUED';
create index result_report_inbox on result_report (ordered_by, received_at desc) where reviewed_at is null;

-- One revision of one observation of a report; the current one has no superseded_at.
create table result_observation (
    id            uuid primary key,
    report_id     uuid         not null references result_report (id),
    obs_key       varchar(160) not null,
    revision      int          not null,
    position      int          not null,
    code          varchar(40),
    code_system   varchar(100),
    display       varchar(300),
    value_num     numeric,
    value_text    text,
    unit          varchar(40),
    ref_range     varchar(80),
    ref_low       numeric,
    ref_high      numeric,
    interpretation varchar(4),
    flag          varchar(10)  not null check (flag in ('NORMAL', 'ABNORMAL', 'CRITICAL')),
    status        varchar(12)  not null check (status in ('PRELIMINARY', 'FINAL', 'CORRECTED', 'CANCELLED')),
    observed_at   timestamptz,
    received_at   timestamptz  not null,
    superseded_at timestamptz,
    unique (report_id, obs_key, revision)
);
create index result_observation_current on result_observation (report_id, position) where superseded_at is null;
create index result_observation_code on result_observation (code) where superseded_at is null;

-- Every message taken in (an HL7 v2 control id per sender, a FHIR report version): the same one twice is stored once.
create table result_message (
    source      varchar(80)  not null,
    message_id  varchar(200) not null,
    report_id   uuid,
    received_at timestamptz  not null,
    primary key (source, message_id)
);

-- Messages answered AE or AR, kept as they came so that nothing is lost and someone can see why.
create table result_rejected (
    id          uuid primary key,
    source      varchar(80),
    message_id  varchar(200),
    ack_code    varchar(2)    not null,
    reason      varchar(500)  not null,
    raw         text          not null,
    received_at timestamptz   not null
);
create index result_rejected_received on result_rejected (received_at desc);

-- Each FHIR source's high-water mark per category: reports changed after it are still to fetch. The row is locked for
-- the whole sync, so two nodes never sync the same source at once.
create table result_sync (
    source     varchar(80)  not null,
    category   varchar(10)  not null check (category in ('LAB', 'IMAGING')),
    high_water timestamptz,
    synced_at  timestamptz,
    reports    bigint       not null default 0,
    primary key (source, category)
);

-- An order's result as the desk sees it: the worst flag of what came back.
alter table visit_order add column result_flag varchar(10) check (result_flag in ('NORMAL', 'ABNORMAL', 'CRITICAL'));
create index visit_order_critical on visit_order (resulted_at) where result_flag = 'CRITICAL' and status = 'RESULTED';
