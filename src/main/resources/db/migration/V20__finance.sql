-- Finance: invoices (and credit and debit notes), payments with their allocations and refunds, packages.
-- Amounts are SAR with two decimals; the checks below are the last line of defence behind the services' rules.

-- Gapless document numbers: one counter row per centre and series, bumped inside the issuing transaction, so a
-- rolled-back issue gives its number back and concurrent issuers queue on the row lock.
create table finance_counter (
    centre_code text   not null,
    series      text   not null,
    last_value  bigint not null,
    primary key (centre_code, series)
);

create table invoice (
    id                  uuid primary key,
    kind                text          not null check (kind in ('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE')),
    payer               text          not null check (payer in ('PATIENT', 'INSURER')),
    status              text          not null,
    centre_code         text          not null,
    number              text unique,
    original_invoice_id uuid references invoice (id),
    appointment_id      uuid,
    package_id          uuid,
    patient_id          uuid          not null,
    clinic_id           uuid,
    provider_id         uuid,
    insurer_id          text,
    insurer_name        text,
    buyer_name          text,
    buyer_national_id   text,
    reason              text,
    discount_amount     numeric(12, 2) not null default 0,
    discount_percent    numeric(5, 2),
    discount_reason     text,
    line_extension      numeric(12, 2) not null,
    discount_total      numeric(12, 2) not null,
    taxable_amount      numeric(12, 2) not null,
    vat_total           numeric(12, 2) not null,
    total               numeric(12, 2) not null check (total >= 0),
    paid                numeric(12, 2) not null default 0 check (paid >= 0),
    credited            numeric(12, 2) not null default 0 check (credited >= 0),
    reminders_sent      int           not null default 0,
    service_date        date,
    issue_date          date,
    issued_at           timestamptz,
    due_date            date,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0,
    -- no invoice is ever paid or credited beyond its total, whatever races happen above
    constraint invoice_not_over_settled check (paid + credited <= total)
);
-- exactly one invoice per appointment and payer, however often the completion arrives
create unique index invoice_one_per_appointment on invoice (appointment_id, payer)
    where kind = 'INVOICE' and appointment_id is not null;
create index invoice_patient on invoice (patient_id, status);
create index invoice_open_due on invoice (due_date) where status in ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE');
create index invoice_original on invoice (original_invoice_id);

create table invoice_line (
    id                     uuid primary key,
    invoice_id             uuid          not null references invoice (id),
    position               int           not null,
    service_id             uuid,
    description_en         text          not null,
    description_ar         text          not null,
    quantity               int           not null check (quantity > 0),
    unit_price             numeric(12, 2) not null check (unit_price >= 0),
    gross                  numeric(12, 2) not null,
    discount_amount        numeric(12, 2) not null default 0,
    discount_percent       numeric(5, 2),
    discount_reason        text,
    invoice_discount_share numeric(12, 2) not null default 0,
    net                    numeric(12, 2) not null check (net >= 0),
    vat_category           text          not null check (vat_category in ('S', 'Z', 'E', 'O')),
    vat_rate               numeric(5, 2) not null,
    exemption_code         text,
    exemption_reason       text,
    vat                    numeric(12, 2) not null,
    total                  numeric(12, 2) not null,
    unique (invoice_id, position)
);

create table payment (
    id             uuid primary key,
    payer          text          not null check (payer in ('PATIENT', 'INSURER')),
    patient_id     uuid,
    insurer_id     text,
    method         text          not null,
    amount         numeric(12, 2) not null check (amount > 0),
    allocated      numeric(12, 2) not null default 0 check (allocated >= 0),
    refunded       numeric(12, 2) not null default 0 check (refunded >= 0),
    reference      text,
    transaction_id text,
    received_at    timestamptz   not null,
    recorded_by    uuid,
    batch_id       uuid,
    version        bigint        not null default 0,
    constraint payment_not_over_used check (allocated + refunded <= amount),
    constraint payment_has_payer check ((payer = 'PATIENT' and patient_id is not null)
        or (payer = 'INSURER' and insurer_id is not null))
);
-- a bank or insurer transaction is imported once
create unique index payment_transaction on payment (method, transaction_id) where transaction_id is not null;
create index payment_patient on payment (patient_id);

create table payment_allocation (
    id           uuid primary key,
    payment_id   uuid          not null references payment (id),
    invoice_id   uuid          not null references invoice (id),
    amount       numeric(12, 2) not null check (amount > 0),
    refunded     numeric(12, 2) not null default 0,
    allocated_at timestamptz   not null,
    check (refunded >= 0 and refunded <= amount)
);
create index payment_allocation_invoice on payment_allocation (invoice_id);
create index payment_allocation_payment on payment_allocation (payment_id);

create table refund (
    id             uuid primary key,
    payment_id     uuid          not null references payment (id),
    invoice_id     uuid references invoice (id),
    credit_note_id uuid references invoice (id),
    amount         numeric(12, 2) not null check (amount > 0),
    reason         text          not null,
    refunded_at    timestamptz   not null,
    recorded_by    uuid
);
create index refund_payment on refund (payment_id);

create table package_definition (
    id            uuid primary key,
    centre_code   text          not null,
    code          text          not null,
    name_en       text          not null,
    name_ar       text          not null,
    sessions      int           not null check (sessions > 0),
    price         numeric(12, 2) not null check (price >= 0),
    validity_days int           not null check (validity_days > 0),
    active        boolean       not null default true,
    created_at    timestamptz   not null,
    version       bigint        not null default 0,
    unique (centre_code, code)
);

create table package_definition_service (
    package_definition_id uuid not null references package_definition (id),
    service_id            uuid not null,
    primary key (package_definition_id, service_id)
);

create table patient_package (
    id              uuid primary key,
    definition_id   uuid          not null references package_definition (id),
    patient_id      uuid          not null,
    status          text          not null,
    sessions        int           not null,
    used            int           not null default 0,
    price           numeric(12, 2) not null,
    invoice_id      uuid references invoice (id),
    purchased_at    timestamptz   not null,
    activated_at    timestamptz,
    expires_on      date,
    refunded_amount numeric(12, 2) not null default 0,
    closed_at       timestamptz,
    version         bigint        not null default 0,
    check (used >= 0 and used <= sessions)
);
create index patient_package_patient on patient_package (patient_id, status);
create index patient_package_invoice on patient_package (invoice_id);

create table package_session (
    id             uuid primary key,
    package_id     uuid        not null references patient_package (id),
    appointment_id uuid        not null unique,
    service_id     uuid        not null,
    consumed_at    timestamptz not null
);
