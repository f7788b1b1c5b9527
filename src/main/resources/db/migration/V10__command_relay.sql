-- The commands in outbound_command that the command relay has not yet handed to the broker (docs/exactly-once.md).
-- A row is written in the same transaction as its command and deleted by the relay once the broker has committed
-- the command. Commands stored before this version were sent by the old design: none is unsent.
create table command_unsent (
    seq bigint not null primary key,
    constraint command_unsent_command foreign key (seq) references outbound_command (seq)
);

-- One row, locked by the relay for each batch: one relay sends at a time, across hub instances, in seq order.
create table command_relay (
    name varchar(20) not null primary key
);
insert into command_relay (name) values ('relay');
