-- The records the hub asked a system to create for a link (a customer, vendor or bank account from a contact, or a
-- contact for a new finance record), kept until that system acknowledges the command. The acknowledgement only
-- carries the commandId: this row says which link to activate (or remove) and which request to answer.
create table pending_creation (
    command_id          varchar(100)             not null primary key,
    created_side        varchar(10)              not null,
    request_id          varchar(100)             not null,
    request_type        varchar(60)              not null,
    requested_contact   varchar(20)              not null,
    contact_no          varchar(20)              not null,
    link_type           varchar(20)              not null,
    record_no           varchar(20)              not null,
    state               varchar(10)              not null,
    reason              varchar(2000),
    created_at          timestamp with time zone not null,
    finished_at         timestamp with time zone,
    constraint pending_creation_side check (created_side in ('record', 'contact')),
    constraint pending_creation_state check (state in ('pending', 'completed', 'rejected'))
);
create index pending_creation_record on pending_creation (link_type, record_no);
