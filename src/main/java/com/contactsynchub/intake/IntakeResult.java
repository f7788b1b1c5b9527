package com.contactsynchub.intake;

import java.util.List;

import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.MessageType;

/**
 * What the intake made of one inbound message. The route branches on {@link #isInvalid()}.
 *
 * @param type   the message type, when it could be read
 * @param reason why the message was refused (invalid only)
 * @param body     the message text exactly as received (sent on unchanged to hub.invalid, so it can be replayed)
 * @param commands the commands sent because of the message (already sent by the intake); empty for a duplicate
 *                 (its commands were stored with the first copy; the command relay sends them)
 */
public record IntakeResult(Outcome outcome, MessageType type, String messageId, String reason, String body,
        List<OutboundCommand> commands) {

    public IntakeResult {
        commands = List.copyOf(commands);
    }

    static IntakeResult refused(String reason, String body) {
        return new IntakeResult(Outcome.INVALID, null, null, reason, body, List.of());
    }

    public enum Outcome {
        /** Valid and applied for the first time. */
        ACCEPTED,
        /** Valid, but a message with this id was applied before: no second effect. */
        DUPLICATE,
        /** Refused: not applied; goes to hub.invalid with the reason. */
        INVALID
    }

    /** Read by the routes as {@code ${body.invalid}}. */
    public boolean isInvalid() {
        return outcome == Outcome.INVALID;
    }
}
