package com.contactsynchub.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.intake.IntakeResult;
import com.fasterxml.jackson.databind.JsonNode;

/** Puts what the intake made of a row's event into the report's words. */
public final class OutcomeDescriber {

    private OutcomeDescriber() {
    }

    /**
     * @param created whether the row went in as {@code <recordType>.created} (the hub had no link for the record)
     * @param linked  whether the record has linked records (a finance record: its contact; a contact: its relations)
     */
    public static RowOutcome describe(IntakeResult result, boolean created, boolean linked) {
        if (result.isInvalid()) {
            return RowOutcome.error(result.reason());
        }
        String again = result.outcome() == IntakeResult.Outcome.DUPLICATE
                ? " (applied before, e.g. before a restart: not applied again)" : "";
        List<OutboundCommand> commands = result.commands();
        OutboundCommand contactCreate = commands.stream().filter(c -> c.type() == MessageType.CONTACT_CREATE)
                .findFirst().orElse(null);
        if (contactCreate != null) {
            String contactNo = contactCreate.body().path("contactNo").asText("");
            return new RowOutcome(RowOutcome.Kind.CREATED, "new record: contact "
                    + (contactNo.isEmpty() ? "" : contactNo + " ") + "creation requested" + others(commands, contactCreate)
                    + again);
        }
        if (commands.isEmpty()) {
            if (created && result.type() == MessageType.CONTACT_CREATED) {
                return new RowOutcome(RowOutcome.Kind.CREATED, "new contact recorded (contact.created)" + again);
            }
            if (!linked) {
                return new RowOutcome(RowOutcome.Kind.NOT_LINKED, (created ? "not linked: no contact created ("
                        : "not linked: nothing to push (") + typeName(result) + " recorded)" + again);
            }
            return new RowOutcome(RowOutcome.Kind.UNCHANGED, "linked: no field changed, nothing to push" + again);
        }
        return new RowOutcome(RowOutcome.Kind.UPDATED, "linked: " + others(commands, null).substring(2) + again);
    }

    /** {@code , pushed name, phoneNo to contact:CT000001; ...} for every command but {@code except}. */
    private static String others(List<OutboundCommand> commands, OutboundCommand except) {
        List<String> parts = new ArrayList<>();
        for (OutboundCommand command : commands) {
            if (command == except) {
                continue;
            }
            JsonNode fields = command.body().get("fields");
            if (command.type().wireName().endsWith(".update") && fields != null && fields.isObject()) {
                List<String> names = new ArrayList<>();
                Iterator<String> it = fields.fieldNames();
                it.forEachRemaining(names::add);
                parts.add("pushed " + String.join(", ", names) + " to " + command.groupId());
            } else {
                parts.add("sent " + command.type().wireName() + " to " + command.groupId());
            }
        }
        return parts.isEmpty() ? "" : ", " + String.join("; ", parts);
    }

    private static String typeName(IntakeResult result) {
        return result.type() == null ? "event" : result.type().wireName();
    }
}
