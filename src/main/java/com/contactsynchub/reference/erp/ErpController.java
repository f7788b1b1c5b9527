package com.contactsynchub.reference.erp;

import io.swagger.v3.oas.annotations.Operation;

import java.util.LinkedHashMap;
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

import com.contactsynchub.contract.MessageType;
import com.contactsynchub.reference.FieldColumns;
import com.contactsynchub.reference.ReferenceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference finance system's own API: what a user does in the ERP. Customers, vendors and bank accounts share
 * one shape: the key ({@code customerNo}, {@code vendorNo}, {@code bankAccountNo}), {@code contactType} (customers),
 * {@code fields} (the common fields), {@code finance} (finance-only: posting groups, payment terms, IBAN, ...) and
 * {@code version}.
 */
@RestController
@RequestMapping("/reference/erp")
@Profile("demo")
class ErpController {

    private static final String KINDS = "{kind:customers|vendors|bank-accounts}";

    private final FinanceSystem finance;

    ErpController(FinanceSystem finance) {
        this.finance = finance;
    }

    @Operation(summary = "Reference ERP: list customers, vendors or bank accounts")
    @GetMapping("/" + KINDS)
    List<ObjectNode> list(@PathVariable String kind) {
        FinanceKind k = kind(kind);
        return finance.list(k).stream().map(this::view).toList();
    }

    @Operation(summary = "Reference ERP: one customer, vendor or bank account")
    @GetMapping("/" + KINDS + "/{no}")
    ObjectNode get(@PathVariable String kind, @PathVariable String no) {
        FinanceKind k = kind(kind);
        return view(finance.find(k, no).orElseThrow(() -> FinanceSystem.unknown(k, no)));
    }

    @Operation(summary = "Reference ERP: create a customer, vendor or bank account")
    @PostMapping("/" + KINDS)
    @ResponseStatus(HttpStatus.CREATED)
    ObjectNode create(@PathVariable String kind, @RequestBody ObjectNode body) {
        FinanceKind k = kind(kind);
        String no = text(body, k.recordType().keyField());
        return view(finance.create(k, no == null ? null : no.strip().toUpperCase(Locale.ROOT), text(body, "contactType"),
                FieldColumns.fromJson(body.get("fields"), k.recordType()), financeValues(body)));
    }

    @Operation(summary = "Reference ERP: change a customer's, vendor's or bank account's fields")
    @PatchMapping("/" + KINDS + "/{no}")
    ObjectNode change(@PathVariable String kind, @PathVariable String no, @RequestBody ObjectNode body) {
        FinanceKind k = kind(kind);
        return view(finance.change(k, no, FieldColumns.fromJson(body.get("fields"), k.recordType()),
                financeValues(body), text(body, "contactType")));
    }

    @Operation(summary = "Reference ERP: delete a customer, vendor or bank account")
    @DeleteMapping("/" + KINDS + "/{no}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String kind, @PathVariable String no) {
        finance.delete(kind(kind), no);
    }

    @Operation(summary = "Reference ERP: list documents")
    @GetMapping("/documents")
    List<Document> documents() {
        return finance.documents();
    }

    @Operation(summary = "Reference ERP: one document")
    @GetMapping("/documents/{no}")
    Document document(@PathVariable String no) {
        return finance.document(no).orElseThrow(() -> ReferenceProblem.notFound("Document " + no + " does not exist."));
    }

    /** Optional body: {@code contactNo} (the person it goes to), {@code description}. */
    @Operation(summary = "Reference ERP: print a document")
    @PostMapping("/documents/{no}/print")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> print(@PathVariable String no, @RequestBody(required = false) ObjectNode body) {
        return output(no, MessageType.DOCUMENT_PRINTED, body);
    }

    @Operation(summary = "Reference ERP: e-mail a document")
    @PostMapping("/documents/{no}/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> email(@PathVariable String no, @RequestBody(required = false) ObjectNode body) {
        return output(no, MessageType.DOCUMENT_EMAILED, body);
    }

    private Map<String, String> output(String no, MessageType type, ObjectNode body) {
        String contactNo = body == null ? null : text(body, "contactNo");
        String description = body == null ? null : text(body, "description");
        if (description != null && description.length() > 100) {
            throw ReferenceProblem.badRequest("description: " + description.length() + " characters, the limit is 100");
        }
        return Map.of("messageId", finance.output(no, type, contactNo, description));
    }

    private ObjectNode view(FinanceRecord record) {
        ObjectNode json = finance.toJson(record);
        json.set("finance", json.objectNode().setAll(toJson(record.finance())));
        json.put("version", record.version());
        return json;
    }

    private static Map<String, JsonNode> toJson(Map<String, String> values) {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        values.forEach((k, v) -> json.put(k, v == null ? com.fasterxml.jackson.databind.node.NullNode.instance
                : com.fasterxml.jackson.databind.node.TextNode.valueOf(v)));
        return json;
    }

    private static Map<String, String> financeValues(ObjectNode body) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode finance = body.get("finance");
        if (finance != null && finance.isObject()) {
            finance.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return values;
    }

    private static FinanceKind kind(String path) {
        return FinanceKind.fromPath(path).orElseThrow(() -> ReferenceProblem.notFound("No records called " + path));
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
}
