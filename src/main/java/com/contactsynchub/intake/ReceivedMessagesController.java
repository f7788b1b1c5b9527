package com.contactsynchub.intake;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.contactsynchub.api.RecordNoParameters;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.InboundMessageLog.ReceivedMessage;

/** What the hub received and what it knows of each record, for operators and the walk-through. */
@RestController
@RequestMapping("/api")
class ReceivedMessagesController {

    private static final int MAX_LIMIT = 500;

    private final InboundMessageLog messageLog;
    private final KnownRecords knownRecords;

    ReceivedMessagesController(InboundMessageLog messageLog, KnownRecords knownRecords) {
        this.messageLog = messageLog;
        this.knownRecords = knownRecords;
    }

    /** Valid inbound messages, newest first; {@code recordType} and {@code recordNo} narrow it to one record. */
    @Operation(summary = "Valid messages received, newest first")
    @GetMapping("/events")
    List<ReceivedMessage> events(@RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordNo,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        return messageLog.newest(recordType == null ? null : recordType(recordType),
                RecordNoParameters.optional("recordNo", recordNo), limit);
    }

    /** The latest state the hub received for one record. */
    @Operation(summary = "What the hub knows of a contact, customer, vendor or bank account")
    @GetMapping("/records/{recordType}/{recordNo}")
    KnownRecord record(@PathVariable String recordType, @PathVariable String recordNo) {
        return knownRecords.find(recordType(recordType), RecordNoParameters.require("recordNo", recordNo))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "The hub has received nothing about " + recordType + " " + recordNo));
    }

    private static RecordType recordType(String name) {
        return RecordType.fromWireName(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "recordType must be one of contact, customer, vendor, bankAccount (was '" + name + "')"));
    }
}
