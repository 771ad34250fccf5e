-- Durable events (Spring Modulith event publication registry, schema v2) and jobs (db-scheduler).

create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_status on event_publication (status) where completion_date is null;

-- The last error of a publication whose listener threw (the registry itself keeps no error), for admins.
create table event_publication_failure (
    publication_id uuid         not null primary key,
    listener_id    text         not null,
    event_type     text         not null,
    failures       int          not null,
    last_error     varchar(2000) not null,
    last_failed_at timestamptz  not null,
    gave_up_at     timestamptz
);

-- db-scheduler's table: one row per scheduled execution; nodes claim rows with row locks.
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Recurring jobs: the schedule an admin chose survives restarts; without one, the configured default applies.
create table job_schedule (
    name        varchar(80)  not null primary key,
    cron        varchar(120) not null,
    customized  boolean      not null default false,
    paused      boolean      not null default false,
    updated_by  varchar(100),
    updated_at  timestamptz  not null
);

-- Executions that failed for good (after the last retry, or at once when the error is permanent).
create table job_failure (
    id            bigserial primary key,
    task_name     text          not null,
    task_instance text          not null,
    attempts      int           not null,
    error         varchar(2000) not null,
    failed_at     timestamptz   not null,
    permanent     boolean       not null
);
create index job_failure_failed_at on job_failure (failed_at desc);
