-- A create command whose acknowledgement never comes is sent again (same commandId) a bounded number of times, then
-- given up: state 'expired', the link removed, the request answered as failed (docs/linking.md).
alter table pending_creation add column attempts integer default 1 not null;
alter table pending_creation add column last_sent_at timestamp with time zone;
update pending_creation set last_sent_at = created_at;
alter table pending_creation drop constraint pending_creation_state;
alter table pending_creation add constraint pending_creation_state
    check (state in ('pending', 'completed', 'rejected', 'expired'));
create index pending_creation_waiting on pending_creation (state, last_sent_at);
