-- Files that travel with an email (invoice and receipt PDFs, report CSVs, a provider's day as PDF).
create table notification_attachment (
    id           bigserial primary key,
    message_id   uuid         not null references notification_message (id),
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);
create index notification_attachment_message on notification_attachment (message_id);
