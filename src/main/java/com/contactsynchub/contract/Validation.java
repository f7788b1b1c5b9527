package com.contactsynchub.contract;

import java.util.List;

/** The verdict on one inbound message: valid (and read) or invalid with every problem found. */
public sealed interface Validation {

    record Valid(InboundMessage message) implements Validation {
    }

    /**
     * @param problems each names the field (as a dotted path, e.g. {@code fields.name}) and what is wrong with it
     */
    record Invalid(List<String> problems) implements Validation {
        public Invalid {
            problems = List.copyOf(problems);
        }

        /** All problems in one line, for the {@code hubInvalidReason} header and logs. */
        public String reason() {
            return String.join("; ", problems);
        }
    }
}
