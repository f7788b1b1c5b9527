package com.contactsynchub.document;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.MessageType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The hub's answers to a document.requested: request.completed or request.rejected, on crm.commands. */
final class DocumentAnswers {

    private DocumentAnswers() {
    }

    static OutboundCommand completed(CommandFactory commands, String causationId, DocumentRequest request) {
        ObjectNode payload = base(request.requestId(), request.contactNo());
        payload.put("documentNo", request.documentNo());
        payload.put("documentType", request.documentType());
        return commands.create(causationId, MessageType.REQUEST_COMPLETED, "contact:" + request.contactNo(), null,
                null, payload);
    }

    static OutboundCommand rejected(CommandFactory commands, String causationId, String requestId, String contactNo,
            String reason) {
        ObjectNode payload = base(requestId, contactNo);
        payload.put("reason", reason);
        return commands.create(causationId, MessageType.REQUEST_REJECTED, "contact:" + contactNo, null, null,
                payload);
    }

    private static ObjectNode base(String requestId, String contactNo) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("requestId", requestId);
        payload.put("requestType", MessageType.DOCUMENT_REQUESTED.wireName());
        payload.put("contactNo", contactNo);
        return payload;
    }
}
