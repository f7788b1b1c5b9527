package com.contactsynchub.command;

import java.util.List;

import com.contactsynchub.contract.InboundMessage;

/**
 * A feature's reaction to a valid inbound message. Runs inside the database transaction that records the message,
 * so what it writes and the commands it returns commit together, exactly once per message id.
 */
public interface EventHandler {

    boolean handles(InboundMessage message);

    /** The commands to send because of this message (often none). */
    List<OutboundCommand> handle(InboundMessage message);
}
