-- Sign-in: five wrong passwords no longer lock an account (anyone could lock anyone out, the admin too). Failed
-- attempts slow down the address and the account instead, in memory on each node (see docs/security.md, Sign-in).
-- What the database keeps is only what a successful sign-in or an admin writes, never what an anonymous client does:
-- when an admin last lifted the account's delays (seen by every node), and the places (client addresses) the user
-- has signed in from, which the delays of an account under attack from elsewhere do not hold back.
alter table staff_user drop column failed_sign_ins;
alter table staff_user drop column locked_until;
alter table staff_user add column sign_in_delays_lifted_at timestamptz;

create table staff_sign_in_place (
    user_id         uuid        not null references staff_user (id),
    address         varchar(64) not null,
    last_success_at timestamptz not null,
    primary key (user_id, address)
);
