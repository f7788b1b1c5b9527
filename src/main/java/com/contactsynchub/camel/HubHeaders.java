package com.contactsynchub.camel;

/** Every message header the hub sets or reads, in one place. */
public final class HubHeaders {

    /** On hub.invalid: what is wrong with the message, naming the field and the problem. */
    public static final String INVALID_REASON = "hubInvalidReason";
    /** On hub.invalid: the queue the refused message came from. */
    public static final String ORIGINAL_QUEUE = "hubOriginalQueue";
    /** On hub.invalid: when the hub refused it (ISO-8601). */
    public static final String INVALID_AT = "hubInvalidAt";

    /** JMS message groups: one record's messages go to one consumer at a time, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Artemis duplicate detection: a second message with the same id on the same address is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private HubHeaders() {
    }
}
