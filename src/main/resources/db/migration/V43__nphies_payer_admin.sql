-- Issue 21: payers and prior-authorisation rules are edited on the payers page and through the API.

-- A payer's NPHIES licence names it in every message: two payers with one licence would receive each other's
-- answers, so it is unique (the admin page and the API answer 409 before this index would refuse it).
create unique index nphies_payer_licence on nphies_payer (licence);

-- When a rule was added, for the payers page.
alter table nphies_prior_auth_rule
    add column created_at timestamptz not null default now();
