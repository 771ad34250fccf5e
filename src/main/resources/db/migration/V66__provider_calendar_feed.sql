-- Each provider's private calendar subscription (read-only, revocable): only the SHA-256 of the feed's token is kept.
-- One live feed per provider; a new one replaces it, revoking deletes it.
create table provider_calendar_feed (
    provider_id uuid        primary key,
    token_hash  char(64)    not null unique,
    created_at  timestamptz not null,
    created_by  uuid
);
