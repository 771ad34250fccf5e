-- Clinics: centres, clinics, providers, rooms, services. Deactivated, never deleted.

create table centre (
    id              uuid primary key,
    version         bigint       not null default 0,
    code            varchar(10)  not null unique check (code ~ '^[A-Z0-9]{2,10}$'),
    name_en         varchar(150) not null,
    name_ar         varchar(150) not null,
    vat_number      char(15) check (vat_number ~ '^3[0-9]{13}3$'),
    cr_number       char(10),
    phone           varchar(16),
    street          varchar(150),
    building_number char(4),
    district        varchar(100),
    city            varchar(100),
    postal_code     char(5),
    active          boolean      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

create table clinic (
    id          uuid primary key,
    version     bigint       not null default 0,
    centre_code varchar(10)  not null references centre (code),
    code        varchar(10)  not null,
    name_en     varchar(150) not null,
    name_ar     varchar(150) not null,
    discipline  varchar(30)  not null,
    phone       varchar(16),
    active      boolean      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    unique (centre_code, code)
);

create table provider (
    id             uuid primary key,
    version        bigint       not null default 0,
    user_id        uuid         not null unique references staff_user (id),
    name_en        varchar(150) not null,
    name_ar        varchar(150) not null,
    licence_number varchar(30)  not null,
    specialty      varchar(100) not null,
    active         boolean      not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table provider_clinic (
    provider_id uuid not null references provider (id),
    clinic_id   uuid not null references clinic (id),
    primary key (provider_id, clinic_id)
);
create index provider_clinic_clinic on provider_clinic (clinic_id);

create table room (
    id         uuid primary key,
    version    bigint       not null default 0,
    clinic_id  uuid         not null references clinic (id),
    code       varchar(10)  not null,
    name_en    varchar(100) not null,
    name_ar    varchar(100) not null,
    kind       varchar(30)  not null,
    active     boolean      not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    unique (clinic_id, code)
);

create table clinical_service (
    id               uuid primary key,
    version          bigint        not null default 0,
    clinic_id        uuid          not null references clinic (id),
    code             varchar(20)   not null,
    name_en          varchar(150)  not null,
    name_ar          varchar(150)  not null,
    duration_minutes int           not null check (duration_minutes between 5 and 480 and duration_minutes % 5 = 0),
    buffer_minutes   int           not null default 0 check (buffer_minutes between 0 and 120),
    price            numeric(12, 2) not null check (price >= 0),
    vat_category     varchar(20)   not null,
    room_kind        varchar(30),
    active           boolean       not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    unique (clinic_id, code)
);
