-- Need to know (docs/security.md): which clinics look after a patient, clinicians' "break the glass" accesses, and
-- audit entries that name every patient a list returned.

-- A patient's care team, by clinic: a clinic joins when the patient is booked, waitlisted or referred there (or refers
-- them on). Clinicians of those clinics see the patient; others only through break the glass. Rows are never removed
-- by the clinic's day-to-day work: a clinic that saw a patient once stays on their team (the record's history is its).
create table patient_care_team (
    patient_id uuid        not null references patient (id),
    clinic_id  uuid        not null,
    joined_at  timestamptz not null,
    joined_by  varchar(20) not null check (joined_by in ('APPOINTMENT', 'WAITLIST', 'REFERRAL', 'REGISTRATION')),
    primary key (patient_id, clinic_id)
);
create index patient_care_team_clinic on patient_care_team (clinic_id, patient_id);

insert into patient_care_team (patient_id, clinic_id, joined_at, joined_by)
select patient_id, clinic_id, min(booked_at), 'APPOINTMENT' from appointment group by patient_id, clinic_id
on conflict do nothing;
insert into patient_care_team (patient_id, clinic_id, joined_at, joined_by)
select patient_id, clinic_id, min(created_at), 'WAITLIST' from waitlist_entry group by patient_id, clinic_id
on conflict do nothing;
insert into patient_care_team (patient_id, clinic_id, joined_at, joined_by)
select r.patient_id, r.to_clinic_id, min(r.created_at), 'REFERRAL'
  from referral r join patient p on p.id = r.patient_id
 where r.to_clinic_id is not null group by r.patient_id, r.to_clinic_id
on conflict do nothing;
insert into patient_care_team (patient_id, clinic_id, joined_at, joined_by)
select r.patient_id, r.from_clinic_id, min(r.created_at), 'REFERRAL'
  from referral r join patient p on p.id = r.patient_id group by r.patient_id, r.from_clinic_id
on conflict do nothing;

-- A clinician opened a patient outside their care team, giving a reason; a manager reviews every one.
create table break_glass_access (
    id           uuid primary key,
    user_id      uuid          not null,
    username     varchar(100)  not null,
    patient_id   uuid          not null references patient (id),
    reason       varchar(500)  not null,
    opened_at    timestamptz   not null,
    expires_at   timestamptz   not null,
    reviewed_by  uuid,
    reviewed_by_username varchar(100),
    reviewed_at  timestamptz,
    review_note  varchar(500),
    check (expires_at > opened_at),
    check ((reviewed_by is null) = (reviewed_at is null))
);
create index break_glass_access_user_patient on break_glass_access (user_id, patient_id, expires_at desc);
create index break_glass_access_unreviewed on break_glass_access (opened_at desc) where reviewed_at is null;
create index break_glass_access_opened on break_glass_access (opened_at desc, id desc);

-- A read of a list (search, day list, export) is one entry naming every patient it returned.
alter table audit_entry add column patient_ids uuid[];
create index audit_entry_patient_ids on audit_entry using gin (patient_ids) where patient_ids is not null;

-- Alerts about users who read unusually many distinct patients in an hour: one per user and hour.
create table unusual_access_alert (
    user_id      uuid        not null,
    hour_start   timestamptz not null,
    patients     int         not null,
    raised_at    timestamptz not null,
    primary key (user_id, hour_start)
);
