package com.contactsynchub.importing;

import java.time.OffsetDateTime;

import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the event a CSV row stands for, exactly as the system would have put it on its event queue. */
public final class RowEvents {

    private RowEvents() {
    }

    /** {@code <sha-256 prefix>:<line no.>}: the same row of the same file always has the same message id. */
    public static String messageId(String sha256, long line) {
        return sha256.substring(0, 16) + ":" + line;
    }

    /**
     * @param type       {@code <recordType>.created} or {@code .changed} of the folder's record type
     * @param occurredAt the file's last-modified time
     */
    public static ObjectNode event(MappedRow row, MessageType type, String messageId, OffsetDateTime occurredAt,
            String source) {
        RecordType recordType = type.recordType().orElseThrow();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("messageId", messageId);
        event.put("type", type.wireName());
        event.put("occurredAt", occurredAt.toInstant().toString()); // always with seconds, as RFC 3339 wants
        event.put("source", source);
        event.put(recordType.keyField(), row.recordNo());
        if (row.contactType() != null) {
            event.put("contactType", row.contactType());
        }
        if (recordType == RecordType.CONTACT) {
            if (row.companyNo() != null) {
                if (row.companyNo().isEmpty()) {
                    event.putNull("companyNo");
                } else {
                    event.put("companyNo", row.companyNo());
                }
            }
            if (row.privacyBlocked() != null) {
                event.put("privacyBlocked", row.privacyBlocked());
            }
        }
        event.set("fields", row.fields().deepCopy());
        return event;
    }

    /** The created or changed type of the record type. */
    public static MessageType typeFor(RecordType recordType, boolean created) {
        String name = recordType.wireName() + (created ? ".created" : ".changed");
        return MessageType.fromWireName(name).orElseThrow();
    }

    /** The link type of a finance record type (a contact has none). */
    public static LinkType linkType(RecordType recordType) {
        return switch (recordType) {
            case CUSTOMER -> LinkType.CUSTOMER;
            case VENDOR -> LinkType.VENDOR;
            case BANK_ACCOUNT -> LinkType.BANK_ACCOUNT;
            case CONTACT -> throw new IllegalArgumentException("a contact has no link type");
        };
    }
}
