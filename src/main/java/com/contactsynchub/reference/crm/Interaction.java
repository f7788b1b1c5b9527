package com.contactsynchub.reference.crm;

import java.time.OffsetDateTime;

/** One entry of a contact's interaction log, as the hub asked for it with {@code interaction.record}. */
public record Interaction(long id, String contactNo, String templateCode, String description, String documentType,
        String documentNo, String commandId, OffsetDateTime recordedAt) {
}
