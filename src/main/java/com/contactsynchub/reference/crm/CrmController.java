package com.contactsynchub.reference.crm;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.contract.RecordType;
import com.contactsynchub.reference.FieldColumns;
import com.contactsynchub.reference.ReferenceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference contact system's own API: what a user does in the CRM. Contacts are shown as their events carry
 * them, plus their version: {@code {"contactNo", "contactType", "companyNo", "privacyBlocked", "fields", "version"}}.
 */
@RestController
@RequestMapping("/reference/crm")
@Profile("demo")
class CrmController {

    private final ContactSystem contacts;
    private final UserRequests requests;

    CrmController(ContactSystem contacts, UserRequests requests) {
        this.contacts = contacts;
        this.requests = requests;
    }

    @Operation(summary = "Reference CRM: list contacts")
    @GetMapping("/contacts")
    List<ObjectNode> list() {
        return contacts.list().stream().map(this::view).toList();
    }

    @Operation(summary = "Reference CRM: one contact")
    @GetMapping("/contacts/{no}")
    ObjectNode get(@PathVariable String no) {
        return view(contacts.find(no).orElseThrow(() -> ReferenceProblem.notFound("Contact " + no + " does not exist.")));
    }

    /** Body: optional contactNo (else CRM-0001, ...), contactType (default company), companyNo, privacyBlocked, fields. */
    @Operation(summary = "Reference CRM: create a contact")
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ObjectNode create(@RequestBody ObjectNode body) {
        String no = text(body, "contactNo");
        return view(contacts.create(no == null ? null : no.strip().toUpperCase(Locale.ROOT),
                text(body, "contactType"), upper(text(body, "companyNo")), body.path("privacyBlocked").asBoolean(false),
                FieldColumns.fromJson(body.get("fields"), RecordType.CONTACT)));
    }

    /** Body: any of fields (only those given change), companyNo, privacyBlocked. The contact type cannot change. */
    @Operation(summary = "Reference CRM: change a contact's fields")
    @PatchMapping("/contacts/{no}")
    ObjectNode change(@PathVariable String no, @RequestBody ObjectNode body) {
        Contact current = contacts.find(no).orElseThrow(() -> ReferenceProblem.notFound("Contact " + no + " does not exist."));
        String type = text(body, "contactType");
        if (type != null && !type.equals(current.contactType())) {
            throw ReferenceProblem.badRequest("contactType: is set when a contact is created and cannot be changed");
        }
        JsonNode privacy = body.get("privacyBlocked");
        if (privacy != null && !privacy.isBoolean()) {
            throw ReferenceProblem.badRequest("privacyBlocked: must be true or false");
        }
        return view(contacts.change(no, new ContactChange(
                FieldColumns.fromJson(body.get("fields"), RecordType.CONTACT),
                body.has("companyNo"), upper(text(body, "companyNo")), privacy == null ? null : privacy.asBoolean())));
    }

    @Operation(summary = "Reference CRM: delete a contact")
    @DeleteMapping("/contacts/{no}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String no) {
        contacts.delete(no);
    }

    @Operation(summary = "Reference CRM: a contact's interactions")
    @GetMapping("/contacts/{no}/interactions")
    List<Interaction> interactions(@PathVariable String no) {
        return contacts.interactions(no);
    }

    /**
     * Sends a user request to the hub. Body: {@code type} (link.requested, unlink.requested,
     * customer.creation.requested, vendor.creation.requested, bankAccount.creation.requested, document.requested)
     * and that type's fields, e.g. {@code {"type":"link.requested","contactNo":"CRM-0001","linkType":"customer",
     * "recordNo":"C00010","master":"contact"}}.
     */
    @Operation(summary = "Reference CRM: send a user request to the hub")
    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> request(@RequestBody ObjectNode body) {
        return Map.of("messageId", requests.send(body));
    }

    @Operation(summary = "Reference CRM: the answer to a user request")
    @GetMapping("/requests/{messageId}")
    UserRequests.RequestStatus requestStatus(@PathVariable String messageId) {
        return requests.status(messageId);
    }

    private ObjectNode view(Contact contact) {
        return contacts.toJson(contact).put("version", contact.version());
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ReferenceProblem.badRequest(field + ": must be a string");
        }
        return node.asText();
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
