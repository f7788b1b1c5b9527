package com.contactsynchub.intake;

import java.util.List;
import java.util.Optional;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.command.OutboundCommand;

/**
 * A feature's reaction to a valid inbound message. Runs inside the database transaction that records the message,
 * so what it writes and the commands it returns commit together, exactly once per message id.
 */
public interface EventHandler {

    boolean handles(InboundMessage message);

    /**
     * The lock this message needs before anything about its record is read (see intake/RecordLocks), e.g. the
     * group of linked records it belongs to; empty for the default, the record itself.
     */
    default Optional<String> lockKey(InboundMessage message) {
        return Optional.empty();
    }

    /**
     * The commands to send because of this message (often none).
     *
     * @param before what the hub knew of the message's record before it (empty for a new record or a message about
     *               no record); the message is folded into it after the handlers ran
     */
    List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before);

    /**
     * Told of a record event that the intake dropped as stale (older than what it applied already), which changes
     * nothing about the record. For a feature that can still learn from it, e.g. that a write of its own was
     * applied. Runs in the same transaction, under the same lock; nothing by default.
     *
     * @param known what the hub knows of the record, newer than the message
     * @return the commands to send because of what it learnt (often none)
     */
    default List<OutboundCommand> stale(InboundMessage message, KnownRecord known) {
        return List.of();
    }
}
