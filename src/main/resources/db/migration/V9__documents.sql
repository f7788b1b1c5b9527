-- The documents the hub asked the finance system for, one row per document.requested (also the refused ones, so
-- a requester can look up the answer). document_no and create_command_id are null when the request was refused
-- before a number was taken.
create table document_request (
    request_id         varchar(100)             not null primary key,
    contact_no         varchar(20)              not null,
    relation_holder_no varchar(20)              not null,
    document_type      varchar(20)              not null,
    document_no        varchar(20),
    customer_no        varchar(20),
    vendor_no          varchar(20),
    create_command_id  varchar(100),
    status             varchar(10)              not null,
    reason             varchar(2000),
    customer_command_id varchar(100),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint document_request_no unique (document_no),
    constraint document_request_create_command unique (create_command_id),
    constraint document_request_customer_command unique (customer_command_id),
    constraint document_request_status check (status in ('requested', 'created', 'rejected'))
);
-- Open sales quotes without a customer, looked up when the contact (or its company) gets a customer.
create index document_request_holder on document_request (relation_holder_no, document_type, status);

-- Interactions the hub asked the contact system to log for printed or e-mailed documents.
create table document_interaction (
    command_id    varchar(100)             not null primary key,
    causation_id  varchar(100)             not null,
    document_no   varchar(20)              not null,
    document_type varchar(30)              not null,
    output_kind   varchar(10)              not null,
    contact_no    varchar(20)              not null,
    template_code varchar(10)              not null,
    status        varchar(10)              not null,
    reason        varchar(2000),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint document_interaction_status check (status in ('sent', 'applied', 'rejected'))
);
create index document_interaction_document on document_interaction (document_no);
