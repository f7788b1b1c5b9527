package com.contactsynchub.contract;

/** Every message header the hub sets or reads, in one place. */
public final class HubHeaders {

    /** On hub.invalid: what is wrong with the message, naming the field and the problem. */
    public static final String INVALID_REASON = "hubInvalidReason";
    /** On hub.invalid: the queue the refused message came from. */
    public static final String ORIGINAL_QUEUE = "hubOriginalQueue";
    /** On hub.invalid: when the hub refused it (ISO-8601). */
    public static final String INVALID_AT = "hubInvalidAt";

    /** On hub.invalid: the JMS kind of a refused message that was not text (ObjectMessage, BytesMessage, ...). */
    public static final String ORIGINAL_MESSAGE_KIND = "hubOriginalMessageKind";

    /** On hub.dead-letter: the class of the exception of the last failed attempt. */
    public static final String FAILURE_CLASS = "hubFailureClass";
    /** On hub.dead-letter: its message, on one line, trimmed to 1000 characters. */
    public static final String FAILURE_MESSAGE = "hubFailureMessage";
    /** On hub.dead-letter: when the hub moved it there (ISO-8601). */
    public static final String FAILED_AT = "hubFailedAt";
    /** Artemis' own properties of a dead-lettered message, set the same when the hub moves it. */
    public static final String ARTEMIS_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    public static final String ARTEMIS_ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    /** Set by the broker: 1 at the first delivery of a message, counting up with each redelivery. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    /** JMS message groups: one record's messages go to one consumer at a time, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Artemis duplicate detection: a second message with the same id on the same address is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private HubHeaders() {
    }
}
