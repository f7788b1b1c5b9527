package com.contactsynchub.sync;

import com.contactsynchub.intake.LockKeys;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.intake.RecordLocks;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.sync.Conflicts.StoredConflict;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An operator settles a parked conflict: the chosen value becomes the group's agreed value and is written to every
 * record that does not hold it. Asking again for a resolved conflict with the same value sends the same commands
 * again (same ids), which is how a resolution interrupted between the database and the broker is completed.
 */
@Service
public class ConflictResolution {

    /** What the operator chose. */
    public record Choice(String side, String value) {
    }

    private final Conflicts conflicts;
    private final SyncGroups groups;
    private final RecordLocks locks;
    private final Journal journal;
    private final UpdateCommands updateCommands;
    private final CommandOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ConflictResolution(Conflicts conflicts, SyncGroups groups, RecordLocks locks, Journal journal,
            UpdateCommands updateCommands, CommandOutbox outbox, TransactionTemplate transaction,
            Clock clock) {
        this.conflicts = conflicts;
        this.groups = groups;
        this.locks = locks;
        this.journal = journal;
        this.updateCommands = updateCommands;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the conflict as stored after the resolution */
    public StoredConflict resolve(long id, Choice choice, String operator) {
        return transaction.execute(status -> {
            StoredConflict conflict = conflicts.find(id).orElseThrow(() -> new ConflictNotFound(id));
            String value = chosenValue(conflict, choice);
            String causationId = "conflict-" + id + "-resolution";
            if (!"parked".equals(conflict.status())) {
                if (value.equals(conflict.resolvedValue()) && conflict.resolvedBy() != null
                        && conflict.resolvedBy().startsWith("operator")) {
                    return conflict; // resolved before with the same value: its commands are in the outbox already
                }
                throw new ConflictNotParked(conflict);
            }
            locks.lock(LockKeys.group(conflict.contactNo()));
            SyncGroup group = groups.load(conflict.contactNo());
            CommonField field = Conflicts.field(conflict);
            RecordRef origin = Conflicts.ref(conflict.editedOn());
            Map<RecordRef, Map<CommonField, String>> updates = FieldSyncEngine.settle(group, field, value,
                    OffsetDateTime.now(clock), origin);
            groups.save(group);
            conflicts.resolve(id, value, "operator " + operator);
            List<OutboundCommand> out = new ArrayList<>();
            updates.forEach((target, fields) -> {
                out.add(updateCommands.update(causationId, target, fields));
                journal.write(target.type().wireName(), target.no(), "update-sent", "admin", causationId, null,
                        UpdateCommands.json(fields).toString(), "conflict " + id + " on " + field.fieldName() + " resolved by " + operator);
            });
            journal.write(origin.type().wireName(), origin.no(), "conflict-resolved", "admin", causationId, null,
                    JsonNodeFactory.instance.objectNode().put(field.fieldName(), value).toString(),
                    "conflict " + id + " resolved by " + operator);
            outbox.saveAll(out); // the relay sends them once the transaction has committed
            return conflicts.find(id).orElseThrow();
        });
    }

    private static String chosenValue(StoredConflict conflict, Choice choice) {
        if (choice.value() != null) {
            CommonField field = Conflicts.field(conflict);
            String value = FieldValues.normalize(field, choice.value());
            if (value.length() > field.maxLength()) {
                throw new IllegalArgumentException("value: " + value.length() + " characters, the limit of "
                        + field.fieldName() + " is " + field.maxLength());
            }
            return value;
        }
        if ("edited".equals(choice.side())) {
            return conflict.editedValue();
        }
        if ("other".equals(choice.side())) {
            return conflict.otherValue();
        }
        throw new IllegalArgumentException("give either value, or side = edited (" + conflict.editedOn()
                + ") or other (" + conflict.otherOrigin() + ")");
    }

    public static class ConflictNotFound extends RuntimeException {
        ConflictNotFound(long id) {
            super("There is no conflict " + id + ".");
        }
    }

    public static class ConflictNotParked extends RuntimeException {
        ConflictNotParked(StoredConflict conflict) {
            super("Conflict " + conflict.id() + " is not waiting for an operator: it was resolved by "
                    + conflict.resolvedBy() + " with '" + conflict.resolvedValue() + "'.");
        }
    }
}
