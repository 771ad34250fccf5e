-- Waitlist offers: every message of an offer (SMS, WhatsApp, email) carries a link of its own, minted when it is
-- sent. One token column per offer kept only the last one, so the SMS link died when the email went out; each token
-- now has its row, as confirmation links do. Only the SHA-256 of a token is stored.
create table waitlist_offer_token (
    token_hash char(64)    primary key,
    offer_id   uuid        not null references waitlist_offer (id),
    created_at timestamptz not null
);
create index waitlist_offer_token_offer on waitlist_offer_token (offer_id);

insert into waitlist_offer_token (token_hash, offer_id, created_at)
select token_hash, id, offered_at from waitlist_offer where token_hash is not null;

alter table waitlist_offer drop column token_hash;
