-- Referrals between the centre's clinics (or to an outside facility), closed-loop: the first appointment booked in
-- the receiving clinic is linked, and its completion can complete the referral.

create table referral (
    id                    uuid primary key,
    patient_id            uuid         not null,
    from_clinic_id        uuid         not null,
    from_provider_id      uuid,
    to_clinic_id          uuid,
    external_facility     varchar(200),
    reason                varchar(1000) not null,
    urgency               varchar(10)  not null check (urgency in ('ROUTINE', 'URGENT')),
    notes                 varchar(2000),
    status                varchar(10)  not null
        check (status in ('PENDING', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'CANCELLED')),
    created_by            uuid,
    created_at            timestamptz  not null,
    -- When the receiving clinic should have answered, in the centre's working days (urgent 1, routine 3).
    respond_by            timestamptz  not null,
    decided_by            uuid,
    accepted_at           timestamptz,
    rejected_at           timestamptz,
    rejection_reason      varchar(1000),
    completed_at          timestamptz,
    cancelled_at          timestamptz,
    cancellation_reason   varchar(1000),
    first_appointment_id  uuid,
    reminded_at           timestamptz,
    escalated_at          timestamptz,
    -- An automatic referral names the rule and what triggered it; the pair is unique, so a rule fires once.
    rule_id               uuid,
    trigger_key           varchar(100),
    version               bigint       not null default 0,
    check ((to_clinic_id is null) <> (external_facility is null)),
    check ((rule_id is null) = (trigger_key is null))
);

-- A patient has at most one open referral to a clinic.
create unique index referral_one_open_per_clinic on referral (patient_id, to_clinic_id)
    where status in ('PENDING', 'ACCEPTED') and to_clinic_id is not null;
create unique index referral_rule_fires_once on referral (rule_id, patient_id, trigger_key) where rule_id is not null;
create index referral_patient on referral (patient_id, created_at desc);
create index referral_to_clinic on referral (to_clinic_id, status, created_at desc);
create index referral_from_clinic on referral (from_clinic_id, created_at desc);
create index referral_pending_due on referral (respond_by) where status = 'PENDING';
create index referral_first_appointment on referral (first_appointment_id) where first_appointment_id is not null;

create table referral_rule (
    id                uuid primary key,
    name              varchar(150) not null,
    trigger_kind      varchar(20)  not null check (trigger_kind in ('SERVICE_COMPLETED', 'DIAGNOSIS', 'OUTCOME')),
    -- SERVICE_COMPLETED: the service id; DIAGNOSIS: an ICD-10 code prefix (F80); OUTCOME: an assessment outcome code.
    trigger_value     varchar(100) not null,
    min_age_years     int check (min_age_years between 0 and 120),
    max_age_years     int check (max_age_years between 0 and 120),
    to_clinic_id      uuid         not null,
    urgency           varchar(10)  not null check (urgency in ('ROUTINE', 'URGENT')),
    reason_template   varchar(1000) not null,
    active            boolean      not null default true,
    created_by        uuid,
    created_at        timestamptz  not null,
    version           bigint       not null default 0,
    check (min_age_years is null or max_age_years is null or min_age_years <= max_age_years)
);
create index referral_rule_trigger on referral_rule (trigger_kind, trigger_value) where active;
