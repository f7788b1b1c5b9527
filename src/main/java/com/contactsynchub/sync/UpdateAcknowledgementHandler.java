package com.contactsynchub.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.LockKeys;
import com.contactsynchub.journal.Journal;

/**
 * The acknowledgement of an update the hub sent to keep a group identical ({@link UpdateCommands}). Applied, by a
 * system that publishes no echo ({@link SystemBehaviour}): it confirms the write as an echo would. Rejected, by any
 * system: the write will never come back, so it is no longer waited for, and the reason is journalled.
 */
@Component
public class UpdateAcknowledgementHandler implements EventHandler {

    private static final Set<MessageType> UPDATES = Set.of(MessageType.CONTACT_UPDATE, MessageType.CUSTOMER_UPDATE,
            MessageType.VENDOR_UPDATE, MessageType.BANK_ACCOUNT_UPDATE);

    private final CommandOutbox outbox;
    private final SyncGroups groups;
    private final UpdateCommands updateCommands;
    private final Journal journal;
    private final SystemBehaviour systems;

    public UpdateAcknowledgementHandler(CommandOutbox outbox, SyncGroups groups, UpdateCommands updateCommands,
            Journal journal, SystemBehaviour systems) {
        this.systems = systems;
        this.outbox = outbox;
        this.groups = groups;
        this.updateCommands = updateCommands;
        this.journal = journal;
    }

    /** A rejection always; an applied update only from a system without echoes (for the others the echo decides). */
    @Override
    public boolean handles(InboundMessage message) {
        if (message.type() != MessageType.COMMAND_ACKNOWLEDGED) {
            return false;
        }
        // The usual case, every system echoing and the update applied: no outbox look-up for it.
        if ("applied".equals(message.text("status")) && systems.everyoneEchoes()) {
            return false;
        }
        return update(message)
                .filter(update -> !"applied".equals(message.text("status"))
                        || systems.confirmation(target(update).type()) == SyncGroup.Confirmation.ACKNOWLEDGEMENT)
                .isPresent();
    }

    /** The target's group: the acknowledgement is decided one at a time with the group's events. */
    @Override
    public Optional<String> lockKey(InboundMessage message) {
        return update(message).flatMap(update -> groups.groupOf(target(update))).map(LockKeys::group);
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage ack, Optional<KnownRecord> before) {
        OutboundCommand update = update(ack).orElseThrow();
        RecordRef target = target(update);
        Map<CommonField, String> fields = fields(update);
        Optional<String> contactNo = groups.groupOf(target);
        if (contactNo.isEmpty()) {
            journal.write(target.type().wireName(), target.no(), "acknowledgement-unlinked", ack.source(),
                    ack.messageId(), null, null, "the " + ack.text("status") + " acknowledgement of "
                            + update.type().wireName() + " " + update.commandId() + " came after " + target
                            + " left its group; nothing to confirm");
            return List.of();
        }
        SyncGroup group = groups.load(contactNo.get());
        if ("applied".equals(ack.text("status"))) {
            SyncOutcome outcome = FieldSyncEngine.confirmAcknowledged(group, target, fields);
            if (outcome.decisions().isEmpty()) {
                return List.of(); // the write was confirmed already (an event showed its value)
            }
            groups.save(group);
            journal.write(target.type().wireName(), target.no(), "write-acknowledged", ack.source(), ack.messageId(),
                    null, UpdateCommands.json(fields).toString(), "the system applied " + update.type().wireName()
                            + " " + update.commandId() + " and publishes no echo: the acknowledgement confirms it");
            List<OutboundCommand> out = new ArrayList<>();
            outcome.updates().forEach((record, values) -> {
                out.add(updateCommands.update(ack.messageId(), record, values));
                journal.write(record.type().wireName(), record.no(), "update-sent", "hub", ack.messageId(), null,
                        UpdateCommands.json(values).toString(), "to agree with the group after " + target
                                + " confirmed an earlier write");
            });
            return out;
        }
        Set<CommonField> dropped = FieldSyncEngine.dropRefused(group, target, fields);
        groups.save(group);
        Map<CommonField, String> refused = new EnumMap<>(CommonField.class);
        dropped.forEach(field -> refused.put(field, fields.get(field)));
        journal.write(target.type().wireName(), target.no(), "update-rejected", ack.source(), ack.messageId(), null,
                UpdateCommands.json(refused).toString(), "the system refused " + update.type().wireName() + " "
                        + update.commandId() + ": " + ack.text("reason") + "; the hub no longer waits for these"
                        + " writes, and writes the group's value again when the group next changes");
        return List.of();
    }

    private Optional<OutboundCommand> update(InboundMessage ack) {
        String commandId = ack.text("commandId");
        return commandId == null ? Optional.empty()
                : outbox.find(commandId).filter(command -> UPDATES.contains(command.type()));
    }

    private static RecordRef target(OutboundCommand update) {
        RecordType type = update.type().recordType().orElseThrow();
        return new RecordRef(type, update.body().path(type.keyField()).asText());
    }

    private static Map<CommonField, String> fields(OutboundCommand update) {
        return FieldValues.of(update.body().path("fields"), target(update).type());
    }
}
