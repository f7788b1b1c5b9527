-- Number series (BC's "No. Series" with its one line): the hub allocates record numbers from these.
-- last_no_used is read with "select ... for update" and written in the same transaction, so two allocators
-- (threads or hub instances) can never hand out the same number, and a crash leaves either both or neither.
create table number_series (
    code          varchar(20)  not null primary key,
    description   varchar(100),
    starting_no   varchar(20)  not null,
    ending_no     varchar(20),
    increment_by  integer      not null default 1,
    last_no_used  varchar(20),
    constraint number_series_increment check (increment_by >= 1)
);

-- The hub's Marketing Setup: exactly one row (id = 1). version goes up with every change of the setup or of its
-- templates, so each hub instance can tell with one cheap read whether its cached copy is still current.
create table hub_setup (
    id                      integer      not null primary key,
    bus_rel_code_customers  varchar(10),
    bus_rel_code_vendors    varchar(10),
    bus_rel_code_bank_accts varchar(10),
    contact_nos             varchar(20)  references number_series (code),
    customer_nos            varchar(20)  references number_series (code),
    vendor_nos              varchar(20)  references number_series (code),
    bank_account_nos        varchar(20)  references number_series (code),
    conflict_policy         varchar(20)  not null default 'latest-wins',
    version                 bigint       not null,
    updated_at              timestamp with time zone not null,
    constraint hub_setup_single_row check (id = 1),
    constraint hub_setup_conflict_policy check (conflict_policy in ('latest-wins', 'contact-wins', 'finance-wins', 'manual'))
);

-- Customer and vendor templates: finance-only defaults applied when a record is created from a contact.
create table record_template (
    template_kind  varchar(10)  not null,
    code           varchar(20)  not null,
    description    varchar(100),
    primary key (template_kind, code),
    constraint record_template_kind check (template_kind in ('customer', 'vendor'))
);

create table record_template_value (
    template_kind  varchar(10)  not null,
    code           varchar(20)  not null,
    field_name     varchar(60)  not null,
    field_value    varchar(250) not null,
    primary key (template_kind, code, field_name),
    foreign key (template_kind, code) references record_template (template_kind, code) on delete cascade
);

-- Interaction template code to log per document type; a document type without a row logs nothing.
create table interaction_template_setup (
    document_type               varchar(30) not null primary key,
    interaction_template_code   varchar(10) not null
);

-- The links (BC's "Contact Business Relation"). Both "at most one" rules live here as constraints, so they hold
-- whatever the number of hub instances: the primary key lets a customer/vendor/bank account have one contact,
-- the unique key lets a contact have one link of each type. Pending links take the same slots.
create table contact_link (
    link_type               varchar(20)  not null,
    record_no               varchar(20)  not null,
    contact_no              varchar(20)  not null,
    business_relation_code  varchar(10)  not null,
    status                  varchar(10)  not null default 'active',
    created_at              timestamp with time zone not null,
    constraint contact_link_record primary key (link_type, record_no),
    constraint contact_link_contact_type unique (contact_no, link_type),
    constraint contact_link_type check (link_type in ('customer', 'vendor', 'bankAccount')),
    constraint contact_link_status check (status in ('active', 'pending'))
);
