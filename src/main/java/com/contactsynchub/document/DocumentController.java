package com.contactsynchub.document;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;
import com.contactsynchub.api.RecordNoParameters;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Documents from contacts on the admin API. A request is not carried out here: it is published onto crm.events
 * and answered 202 with its messageId; its outcome is read with {@code GET /api/documents/requests/{messageId}}.
 */
@RestController
class DocumentController {

    private final DocumentRequestPublisher publisher;
    private final DocumentStore store;

    DocumentController(DocumentRequestPublisher publisher, DocumentStore store) {
        this.publisher = publisher;
        this.store = store;
    }

    /** Body: {@code {"contactNo": "CT000001", "documentType": "salesQuote", "lines": [{...}]}}. */
    @Operation(summary = "Request a sales or purchase quote or order for a contact")
    @PostMapping("/api/documents/requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> request(@RequestBody(required = false) JsonNode body) {
        return Map.of("messageId", publisher.publish(body));
    }

    @Operation(summary = "The outcome of a document request")
    @GetMapping("/api/documents/requests/{messageId}")
    DocumentRequest requestStatus(@PathVariable String messageId) {
        return store.find(messageId).orElseThrow(() -> new NotFoundException("No document request " + messageId
                + " has been applied by the hub (yet): it may still be on its way through crm.events."));
    }

    @Operation(summary = "The documents the hub asked for, newest first")
    @GetMapping("/api/documents")
    List<DocumentRequest> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit: must be between 1 and 1000, was " + limit);
        }
        return store.list(limit);
    }

    @Operation(summary = "One document the hub asked for")
    @GetMapping("/api/documents/{documentNo}")
    DocumentRequest document(@PathVariable String documentNo) {
        return store.findByDocumentNo(RecordNoParameters.require("documentNo", documentNo))
                .orElseThrow(() -> new NotFoundException(
                        "Document " + documentNo + " was not requested through the hub."));
    }

    @Operation(summary = "The interactions logged for a document")
    @GetMapping("/api/documents/{documentNo}/interactions")
    List<DocumentInteraction> interactions(@PathVariable String documentNo) {
        return store.interactionsOf(RecordNoParameters.require("documentNo", documentNo));
    }
}
