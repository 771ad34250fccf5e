-- Issue 21: NPHIES eligibility, prior authorisation and claims.

-- The patient's relation to the policy's subscriber (HL7 subscriber-relationship code) and the subscriber's member id.
alter table patient_coverage
    add column relationship         varchar(10),
    add column subscriber_member_id varchar(50);

-- Payers (insurers and TPAs) by the id the patient's coverage and the insurer invoice name them with.
create table nphies_payer (
    payer_id        varchar(50)  primary key,
    licence         varchar(50)  not null,
    name_en         varchar(150) not null,
    name_ar         varchar(150) not null,
    kind            varchar(10)  not null check (kind in ('INSURER', 'TPA')),
    insurer_licence varchar(50),
    active          boolean      not null default true,
    updated_at      timestamptz  not null
);

-- Services that a payer authorises before they are given (by the service's billing code; '*' = every service).
create table nphies_prior_auth_rule (
    payer_id     varchar(50) not null references nphies_payer (payer_id),
    billing_code varchar(30) not null,
    primary key (payer_id, billing_code)
);

-- The centre's NPHIES identity (provider licence, facility licence, the base URL its resources are named under).
create table nphies_provider (
    centre_code      varchar(10)  primary key,
    provider_licence varchar(50)  not null,
    location_licence varchar(50),
    base_url         varchar(200) not null,
    updated_at       timestamptz  not null
);

-- Every message Tenhal sends (eligibility, prior authorisation, claim, poll), the answer, and what it decided.
-- The id is the request Bundle's id and its MessageHeader's: a retry sends the same message, never a second one.
create table nphies_message (
    id                uuid primary key,
    kind              varchar(20)   not null,
    state             varchar(20)   not null,
    outcome           varchar(30),
    patient_id        uuid          not null,
    coverage_id       uuid,
    payer_id          varchar(50),
    appointment_id    uuid,
    service_id        uuid,
    invoice_id        uuid,
    resubmission_of   uuid,
    claim_identifier  varchar(60),
    reference         varchar(60),
    claimed           numeric(12, 2),
    approved          numeric(12, 2),
    paid              numeric(12, 2),
    copay             varchar(60),
    reasons           text,
    details           text,
    validation_errors text,
    request           text,
    response          text,
    created_at        timestamptz   not null,
    sent_at           timestamptz,
    answered_at       timestamptz,
    updated_at        timestamptz   not null
);
create index nphies_message_appointment on nphies_message (appointment_id);
create index nphies_message_patient on nphies_message (patient_id, created_at);
create index nphies_message_invoice on nphies_message (invoice_id);
create index nphies_message_kind_state on nphies_message (kind, state);
