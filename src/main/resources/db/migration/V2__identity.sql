-- Identity: staff users, roles, API tokens.

create table staff_user (
    id                  uuid primary key,
    version             bigint       not null default 0,
    username            varchar(50)  not null unique check (username ~ '^[a-z0-9._-]{3,50}$'),
    full_name_en        varchar(100) not null,
    full_name_ar        varchar(100),
    email               varchar(254) not null,
    language            varchar(2)   not null check (language in ('AR', 'EN')),
    password_hash       varchar(200),
    enabled             boolean      not null,
    failed_sign_ins     int          not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create unique index staff_user_email on staff_user (lower(email));

create table staff_user_role (
    user_id uuid        not null references staff_user (id),
    role    varchar(20) not null check (role in ('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE', 'FINANCE')),
    primary key (user_id, role)
);
create index staff_user_role_role on staff_user_role (role);

create table api_token (
    id           uuid primary key,
    user_id      uuid         not null references staff_user (id),
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    prefix       varchar(16)  not null,
    issued_by    uuid references staff_user (id),
    issued_at    timestamptz  not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);
