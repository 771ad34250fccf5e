-- Platform: extensions, web sessions, idempotency keys.

-- pg_trgm: infix name search; btree_gist: exclusion constraints over time ranges (scheduling).
-- Both are trusted extensions (PostgreSQL 13+): a database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

-- Signed-in sessions (Spring Session JDBC), so that any node serves any user.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Creating requests remembered by Idempotency-Key: (caller, key) is the primary key, so the first request wins.
create table idempotency_record (
    caller                varchar(100) not null,
    idempotency_key       varchar(255) not null,
    fingerprint           char(64)     not null,
    state                 varchar(12)  not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    created_at            timestamptz  not null,
    completed_at          timestamptz,
    response_status       int,
    response_location     varchar(500),
    response_etag         varchar(100),
    response_content_type varchar(200),
    response_body         bytea,
    primary key (caller, idempotency_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);
