package com.contactsynchub.sync;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one way the hub asks a system to change a record's common fields ({@code <type>.update} with only the given
 * fields), for the sync, link settlement and conflict resolution alike.
 */
@Component
public class UpdateCommands {

    private final CommandFactory commands;

    public UpdateCommands(CommandFactory commands) {
        this.commands = commands;
    }

    public OutboundCommand update(String causationId, RecordRef target, Map<CommonField, String> fields) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("fields", json(fields));
        return commands.create(causationId, updateType(target.type()), target.toString(), target.type().keyField(),
                target.no(), payload);
    }

    /** The fields as a JSON object, e.g. for the journal. */
    public static ObjectNode json(Map<CommonField, String> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach((field, value) -> node.put(field.fieldName(), value));
        return node;
    }

    static MessageType updateType(RecordType type) {
        return switch (type) {
            case CONTACT -> MessageType.CONTACT_UPDATE;
            case CUSTOMER -> MessageType.CUSTOMER_UPDATE;
            case VENDOR -> MessageType.VENDOR_UPDATE;
            case BANK_ACCOUNT -> MessageType.BANK_ACCOUNT_UPDATE;
        };
    }
}
