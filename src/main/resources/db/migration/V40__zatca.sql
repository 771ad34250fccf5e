-- ZATCA e-invoicing, phase 2 (issue 16): each centre's e-invoicing unit (EGS) with its key, certificates and chain,
-- every sealed document, and the state of each submission to a partner (shared by the integrations).

create table zatca_unit (
    id                      uuid primary key,
    centre_code             varchar(20)  not null unique,
    common_name             varchar(200) not null,
    -- 1-Tenhal|2-<version>|3-<unit uuid>
    serial_number           varchar(200) not null,
    environment             varchar(20)  not null,
    -- ZATCA's TSCZ map of the document types the unit issues: 1100 = standard and simplified
    invoice_types           varchar(4)   not null,
    branch                  varchar(200) not null,
    industry                varchar(200) not null,
    state                   varchar(20)  not null
        check (state in ('KEY_GENERATED', 'COMPLIANCE_CSID', 'COMPLIANT', 'PRODUCTION')),
    -- secp256k1 PKCS#8, AES-256-GCM with the key from the environment (TENHAL_ZATCA_KEY_ENCRYPTION_KEY)
    private_key             bytea        not null,
    csr                     text         not null,
    compliance_request_id   varchar(100),
    compliance_token        text,
    compliance_secret       bytea,
    production_token        text,
    production_secret       bytea,
    -- base64 DER of the certificate that signs (the production CSID once there is one)
    certificate             text,
    certificate_expires_at  timestamptz,
    compliance_checks       text,
    -- the chain: the last counter value (ICV) and the last document's hash (the next PIH); the row is locked
    -- (select ... for update) by every issue, so that two nodes never give out one counter twice
    last_icv                bigint       not null default 0,
    last_hash               varchar(100)  not null,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);

create table zatca_document (
    invoice_id   uuid primary key,
    unit_id      uuid         not null references zatca_unit (id),
    icv          bigint       not null,
    number       varchar(40)  not null,
    kind         varchar(20)  not null,
    standard     boolean      not null,
    hash         varchar(100)  not null,
    pih          varchar(100)  not null,
    qr           text         not null,
    -- the exact bytes that were hashed, signed and are sent; never re-serialised
    xml          bytea        not null,
    -- a standard document as ZATCA cleared (and stamped) it: what Tenhal keeps and sends to the buyer
    cleared_xml  bytea,
    cleared_qr   text,
    issued_at    timestamptz  not null,
    unique (unit_id, icv)
);

create table integration_submission (
    id               uuid primary key,
    partner          varchar(20)   not null,
    operation        varchar(30)   not null,
    subject_id       uuid          not null,
    state            varchar(30)   not null
        check (state in ('PENDING', 'RETRYING', 'ACCEPTED', 'ACCEPTED_WITH_WARNINGS', 'REJECTED', 'UNAUTHORISED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status      int,
    last_error       varchar(2000),
    -- the partner's messages (JSON list of {type, code, category, message})
    messages         text,
    accepted_at      timestamptz,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    unique (partner, subject_id)
);

create index integration_submission_open on integration_submission (partner, next_attempt_at)
    where state in ('PENDING', 'RETRYING', 'UNAUTHORISED');
create index integration_submission_recent on integration_submission (partner, updated_at desc);
