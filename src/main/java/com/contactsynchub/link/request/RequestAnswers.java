package com.contactsynchub.link.request;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The hub's answers to a contact system's request: {@code request.completed} and {@code request.rejected}. */
@Component
public class RequestAnswers {

    private static final int MAX_REASON = 2000;

    private final CommandFactory commands;

    public RequestAnswers(CommandFactory commands) {
        this.commands = commands;
    }

    /**
     * @param causationId      the message whose handling decided the answer: the request itself, or the
     *                         acknowledgement that completed it
     * @param requestedContact the contact named in the request; the answer travels in its message group
     * @param contactNo        the contact holding the link (a person's company)
     */
    public OutboundCommand completed(String causationId, String requestId, String requestType,
            String requestedContact, String contactNo, LinkType linkType, String recordNo) {
        ObjectNode payload = envelope(requestId, requestType, contactNo);
        payload.put("linkType", linkType.wireName());
        payload.put("recordNo", recordNo);
        return commands.create(causationId, MessageType.REQUEST_COMPLETED, "contact:" + requestedContact, null, null,
                payload);
    }

    public OutboundCommand rejected(String causationId, String requestId, String requestType, String requestedContact,
            String reason) {
        ObjectNode payload = envelope(requestId, requestType, requestedContact);
        payload.put("reason", fit(reason));
        return commands.create(causationId, MessageType.REQUEST_REJECTED, "contact:" + requestedContact, null, null,
                payload);
    }

    private static ObjectNode envelope(String requestId, String requestType, String contactNo) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("requestId", requestId);
        payload.put("requestType", requestType);
        payload.put("contactNo", contactNo);
        return payload;
    }

    /** The contract's reason: one line, at most 2,000 characters. */
    private static String fit(String reason) {
        String text = reason == null || reason.isBlank() ? "refused without a reason" : reason;
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 3) + "...";
    }
}
