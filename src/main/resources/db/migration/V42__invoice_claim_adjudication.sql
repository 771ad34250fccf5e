-- Issue 21: the insurer's decision on the claim for an insurer invoice (finance's record of a NPHIES ClaimResponse).
create table invoice_claim_adjudication (
    invoice_id      uuid primary key references invoice (id),
    outcome         varchar(20)    not null check (outcome in ('APPROVED', 'PARTLY_APPROVED', 'REJECTED', 'PENDED')),
    claim_reference varchar(60),
    claimed         numeric(12, 2) not null,
    approved        numeric(12, 2),
    reasons         text,
    recorded_at     timestamptz    not null
);
