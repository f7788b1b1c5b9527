package com.contactsynchub.document;

import java.time.OffsetDateTime;

/**
 * An interaction the hub asked the contact system to log for a printed or e-mailed document.
 *
 * @param status {@code sent}, then {@code applied} or {@code rejected} by the contact system's acknowledgement
 */
public record DocumentInteraction(String commandId, String causationId, String documentNo, String documentType,
        String output, String contactNo, String templateCode, String status, String reason, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
