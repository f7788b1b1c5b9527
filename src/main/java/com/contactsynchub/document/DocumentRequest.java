package com.contactsynchub.document;

import java.time.OffsetDateTime;

/**
 * A document the hub asked the finance system for, or a refused request for one.
 *
 * @param requestId         the messageId of the document.requested
 * @param relationHolderNo  the contact whose links the document was resolved through (a person's company)
 * @param documentNo        null when refused before a number was taken
 * @param createCommandId   the document.create command; null when refused before it was sent
 * @param status            {@code requested} (waiting for the finance system), {@code created}, {@code rejected}
 * @param customerCommandId the document.update that gave an open sales quote its customer, if any
 */
public record DocumentRequest(String requestId, String contactNo, String relationHolderNo, String documentType,
        String documentNo, String customerNo, String vendorNo, String createCommandId, String status, String reason,
        String customerCommandId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String REQUESTED = "requested";
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
}
