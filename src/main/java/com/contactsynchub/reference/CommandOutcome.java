package com.contactsynchub.reference;

/**
 * What a reference system did with one of the hub's commands, as it reports it in {@code command.acknowledged}.
 *
 * @param reason   why it was rejected (null when applied)
 * @param recordNo the record the command concerned or created, when there is one
 * @param groupId  JMSXGroupID of the acknowledgement: the record's group, so it follows the record's own events
 */
public record CommandOutcome(Status status, String reason, String recordNo, String groupId) {

    public enum Status {
        APPLIED("applied"), REJECTED("rejected");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Status fromWireName(String name) {
            return "applied".equals(name) ? APPLIED : REJECTED;
        }
    }

    public static CommandOutcome applied(String recordNo, String groupId) {
        return new CommandOutcome(Status.APPLIED, null, recordNo, groupId);
    }

    public static CommandOutcome rejected(String reason, String recordNo, String groupId) {
        return new CommandOutcome(Status.REJECTED, reason, recordNo, groupId);
    }
}
