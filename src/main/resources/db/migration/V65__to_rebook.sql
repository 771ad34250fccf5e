-- The desk's "to rebook" list: visits the patient declined, the clinic cancelled, or the patient missed, with the
-- reason in the patient's words (a decline's). An entry is open until the patient is booked again for the same
-- service (or staff dismiss it); one entry per appointment.
create table rebook_entry (
    id             uuid         primary key,
    appointment_id uuid         not null unique references appointment (id),
    patient_id     uuid         not null,
    clinic_id      uuid         not null,
    provider_id    uuid         not null,
    service_id     uuid         not null,
    starts_at      timestamptz  not null,
    why            varchar(20)  not null check (why in ('DECLINED', 'CANCELLED_BY_CLINIC', 'NO_SHOW')),
    reason         varchar(500),
    created_at     timestamptz  not null,
    cleared_at     timestamptz,
    cleared_by     uuid,
    rebooked_as    uuid
);
create index rebook_entry_open on rebook_entry (created_at) where cleared_at is null;
create index rebook_entry_patient on rebook_entry (patient_id, service_id) where cleared_at is null;
