package com.contactsynchub.intake;

import com.contactsynchub.contract.MessageType;

/**
 * What the intake made of one inbound message. The route branches on {@link #invalid()}.
 *
 * @param type   the message type, when it could be read
 * @param reason why the message was refused (invalid only)
 * @param body   the message text exactly as received (sent on unchanged to hub.invalid, so it can be replayed)
 */
public record IntakeResult(Outcome outcome, MessageType type, String messageId, String reason, String body) {

    public enum Outcome {
        /** Valid and applied for the first time. */
        ACCEPTED,
        /** Valid, but a message with this id was applied before: no second effect. */
        DUPLICATE,
        /** Refused: not applied; goes to hub.invalid with the reason. */
        INVALID
    }

    public boolean invalid() {
        return outcome == Outcome.INVALID;
    }
}
