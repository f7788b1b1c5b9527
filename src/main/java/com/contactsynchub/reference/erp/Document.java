package com.contactsynchub.reference.erp;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A sales or purchase document the hub had the finance system create ({@code document.create}). */
public record Document(String documentNo, String documentType, String customerNo, String vendorNo, String contactNo,
        OffsetDateTime createdAt, List<Line> lines) {

    public record Line(int lineNo, String itemNo, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
