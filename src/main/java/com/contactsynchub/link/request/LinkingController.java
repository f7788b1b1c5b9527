package com.contactsynchub.link.request;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Linking, unlinking and creating records from contacts through the admin API (docs/linking.md). Each call is put
 * on crm.events as the request message a contact system would send, and answered 202 with its messageId: the hub
 * handles it exactly once like any other request, answers it on crm.commands and journals the decision.
 */
@RestController
class LinkingController {

    /** What the API accepted: the request's id, to find its answer and journal entries by. */
    record Accepted(String messageId, String type, String contactNo) {
    }

    record LinkBody(String contactNo, String linkType, String recordNo, String master) {
    }

    record CreationBody(String templateCode) {
    }

    private final LinkingRequestPublisher publisher;
    private final LinkRegistry links;

    LinkingController(LinkingRequestPublisher publisher, LinkRegistry links) {
        this.publisher = publisher;
        this.links = links;
    }

    @Operation(summary = "Link a contact with a customer, vendor or bank account")
    @PostMapping("/api/links")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted link(@RequestBody LinkBody body) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("contactNo", body.contactNo());
        data.put("linkType", body.linkType());
        data.put("recordNo", body.recordNo());
        data.put("master", body.master());
        return send(MessageType.LINK_REQUESTED, data);
    }

    @Operation(summary = "Unlink a customer, vendor or bank account from its contact")
    @DeleteMapping("/api/links/{linkType}/{recordNo}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted unlink(@PathVariable String linkType, @PathVariable String recordNo) {
        LinkType type = LinkType.fromWireName(linkType).orElseThrow(() -> new InvalidRequestException(
                "linkType: " + linkType + " is not one of customer, vendor, bankAccount"));
        String contactNo = links.findByRecord(type, recordNo).orElseThrow(() -> new NotFoundException(
                type.caption() + " " + recordNo + " is not linked to a contact."))
                .contactNo();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("contactNo", contactNo);
        data.put("linkType", type.wireName());
        return send(MessageType.UNLINK_REQUESTED, data);
    }

    @Operation(summary = "Create a customer from a contact")
    @PostMapping("/api/contacts/{contactNo}/customer")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted createCustomer(@PathVariable String contactNo, @RequestBody(required = false) CreationBody body) {
        return create(MessageType.CUSTOMER_CREATION_REQUESTED, contactNo, body);
    }

    @Operation(summary = "Create a vendor from a contact")
    @PostMapping("/api/contacts/{contactNo}/vendor")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted createVendor(@PathVariable String contactNo, @RequestBody(required = false) CreationBody body) {
        return create(MessageType.VENDOR_CREATION_REQUESTED, contactNo, body);
    }

    @Operation(summary = "Create a bank account from a contact")
    @PostMapping("/api/contacts/{contactNo}/bank-account")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted createBankAccount(@PathVariable String contactNo, @RequestBody(required = false) CreationBody body) {
        if (body != null && body.templateCode() != null) {
            throw new InvalidRequestException("templateCode: bank accounts have no templates");
        }
        return create(MessageType.BANK_ACCOUNT_CREATION_REQUESTED, contactNo, null);
    }

    private Accepted create(MessageType type, String contactNo, CreationBody body) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("contactNo", contactNo);
        if (body != null && body.templateCode() != null) {
            data.put("templateCode", body.templateCode());
        }
        return send(type, data);
    }

    private Accepted send(MessageType type, ObjectNode data) {
        String messageId = publisher.publish(type, data);
        return new Accepted(messageId, type.wireName(), data.path("contactNo").asText());
    }
}
