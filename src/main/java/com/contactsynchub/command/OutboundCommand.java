package com.contactsynchub.command;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A command the hub sends to one of the systems, complete with its envelope.
 *
 * @param commandId   stable for the same cause (see {@link CommandFactory}); also the message id and the broker's
 *                    duplicate-detection id
 * @param causationId the message id of the event or request that caused it
 * @param groupId     the target record as {@code <recordType>:<no>}, sent as JMSXGroupID so one record's commands
 *                    are consumed in order
 * @param body        the JSON message as sent
 */
public record OutboundCommand(String commandId, String causationId, MessageType type, Channel channel, String groupId,
        ObjectNode body) {
}
