package com.contactsynchub.link.request;

import com.contactsynchub.contract.RecordType;
import com.contactsynchub.sync.RecordRef;

import com.contactsynchub.link.LinkType;

/**
 * A record the hub asked a system to create for a link, waiting for that system's acknowledgement.
 *
 * @param createdSide      {@link Side#RECORD}: a customer, vendor or bank account created from a contact (a user's
 *                         request); {@link Side#CONTACT}: a contact created for a new finance record (automatic)
 * @param requestId        the message that caused the creation: the user's request, or the finance record's
 *                         {@code *.created} event
 * @param requestedContact the contact named in the request (a person, when the record is made for its company)
 * @param contactNo        the contact holding the link
 */
public record PendingCreation(String commandId, Side createdSide, String requestId, String requestType,
        String requestedContact, String contactNo, LinkType linkType, String recordNo, String state) {

    public enum Side {
        RECORD("record"), CONTACT("contact");

        private final String wireName;

        Side(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Side fromWireName(String name) {
            return name.equals("contact") ? CONTACT : RECORD;
        }
    }

    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";
    public static final String REJECTED = "rejected";
    /** No acknowledgement came, after every re-send: the hub gave up, removed the link and answered the request. */
    public static final String EXPIRED = "expired";

    /** The record this creation makes: the finance record (side RECORD) or the contact (side CONTACT). */
    public RecordRef created() {
        return createdSide == Side.RECORD ? new RecordRef(linkType.recordType(), recordNo)
                : new RecordRef(RecordType.CONTACT, contactNo);
    }

    public boolean isPending() {
        return PENDING.equals(state);
    }
}
