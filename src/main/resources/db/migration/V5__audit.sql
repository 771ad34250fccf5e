-- Audit trail: insert-only. The application never updates or deletes; the database refuses it outright.

create table audit_entry (
    id                 bigserial primary key,
    at                 timestamptz  not null,
    user_id            uuid,
    username           varchar(100) not null,
    address            varchar(64),
    user_agent         varchar(300),
    record_type        varchar(40)  not null,
    record_id          uuid,
    patient_id         uuid,
    related_patient_id uuid,
    action             varchar(20)  not null,
    changed_fields     varchar(1000) not null default '',
    note               varchar(500)
);
create index audit_entry_at on audit_entry (at desc);
create index audit_entry_patient on audit_entry (patient_id, at desc) where patient_id is not null;
create index audit_entry_related_patient on audit_entry (related_patient_id) where related_patient_id is not null;
create index audit_entry_user on audit_entry (user_id, at desc);
create index audit_entry_record on audit_entry (record_id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail cannot be changed or deleted (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
