-- Match-based coupling (docs/linking.md, "Match-based coupling"): one row per run, one row per finance record the run
-- looked at. A run is owned by the hub that claimed it (owner_id, lease); it renews heartbeat_at while it matches or
-- applies, and another hub (or the same one restarted) takes over a run whose heartbeat stopped. Each proposal keeps
-- the message id it is applied with, derived from the run and the record, so that applying it again after a crash is
-- recognised by the intake as the same message.
create table coupling_run (
    coupling_id     varchar(36)              not null primary key,
    link_type       varchar(20)              not null,
    dry_run         boolean                  not null,
    create_contacts boolean                  not null,
    master          varchar(10)              not null,
    origin          varchar(300)             not null,
    state           varchar(20)              not null,
    owner_id        varchar(100)             not null,
    lease           bigint                   not null,
    records_total   integer                  not null,
    actions_total   integer                  not null,
    actions_done    integer                  not null,
    rules           varchar(2000)            not null,
    started_at      timestamp with time zone not null,
    apply_started_at timestamp with time zone,
    heartbeat_at    timestamp with time zone not null,
    finished_at     timestamp with time zone,
    summary         varchar(2000),
    constraint coupling_run_state check (state in ('matching', 'proposed', 'applying', 'done', 'failed')),
    constraint coupling_run_master check (master in ('contact', 'record'))
);
create index coupling_run_started on coupling_run (started_at);

create table coupling_proposal (
    coupling_id  varchar(36)   not null,
    seq          integer       not null,
    record_no    varchar(20)   not null,
    record_name  varchar(100),
    category     varchar(20)   not null,
    rule_name    varchar(100),
    contact_no   varchar(20),
    candidates   varchar(2000),
    reason       varchar(1000) not null,
    action       varchar(20)   not null,
    message_id   varchar(100),
    state        varchar(20)   not null,
    outcome      varchar(30),
    outcome_detail varchar(1000),
    constraint coupling_proposal_pk primary key (coupling_id, seq),
    constraint coupling_proposal_record unique (coupling_id, record_no),
    constraint coupling_proposal_run foreign key (coupling_id) references coupling_run (coupling_id),
    constraint coupling_proposal_category check (category in ('proposed', 'ambiguous', 'unmatched', 'conflict')),
    constraint coupling_proposal_action check (action in ('link', 'create-contact', 'none')),
    constraint coupling_proposal_state check (state in ('pending', 'done', 'none'))
);
create index coupling_proposal_pending on coupling_proposal (coupling_id, state, seq);
