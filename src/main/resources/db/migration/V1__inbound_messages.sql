-- Every valid inbound message, once: the message id is the idempotency key, so a redelivered or
-- duplicated message finds its row and is not applied again.
create table inbound_message (
    message_id   varchar(100)             not null primary key,
    type         varchar(60)              not null,
    source       varchar(10)              not null,
    queue        varchar(200)             not null,
    record_type  varchar(20),
    record_no    varchar(20),
    version      bigint,
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    payload      varchar                  not null
);
create index inbound_message_record on inbound_message (record_type, record_no, received_at);
create index inbound_message_received on inbound_message (received_at);

-- What the hub knows of each record of either system, from the latest event applied for it.
create table known_record (
    record_type     varchar(20)              not null,
    record_no       varchar(20)              not null,
    contact_type    varchar(10),
    company_no      varchar(20),
    privacy_blocked boolean                  not null default false,
    deleted         boolean                  not null default false,
    version         bigint,
    occurred_at     timestamp with time zone not null,
    fields          varchar                  not null,
    updated_at      timestamp with time zone not null,
    primary key (record_type, record_no),
    constraint known_record_type check (record_type in ('contact', 'customer', 'vendor', 'bankAccount')),
    constraint known_record_contact_type check (contact_type is null or contact_type in ('company', 'person'))
);
