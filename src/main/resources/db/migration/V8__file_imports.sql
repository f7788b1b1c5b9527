-- File drops (docs/importing.md): one row per import of a file. claim_key is the file's SHA-256 while it is imported
-- and after it was applied, so the same content is applied once, whatever its name and however many hub instances
-- watch the inbox. The instance that inserts the row owns the import; it renews heartbeat_at (and lease) while it
-- runs, and another instance takes over an import whose heartbeat stopped (a hub that died mid-file).
create table file_import (
    import_id          varchar(36)              not null primary key,
    claim_key          varchar(400)             not null,
    content_sha256     varchar(64)              not null,
    folder             varchar(40)              not null,
    file_name          varchar(255)             not null,
    dry_run            boolean                  not null,
    file_bytes         bigint                   not null,
    state              varchar(20)              not null,
    owner_id           varchar(100)             not null,
    lease              bigint                   not null,
    attempts           integer                  not null,
    rows_total         bigint                   not null,
    rows_done          bigint                   not null,
    started_at         timestamp with time zone not null,
    attempt_started_at timestamp with time zone not null,
    heartbeat_at       timestamp with time zone not null,
    finished_at        timestamp with time zone,
    summary            varchar(2000),
    report_file        varchar(1000),
    constraint file_import_claim unique (claim_key),
    constraint file_import_state check (state in ('running', 'done', 'refused', 'already-imported'))
);
create index file_import_started on file_import (started_at);
create index file_import_sha on file_import (content_sha256);
