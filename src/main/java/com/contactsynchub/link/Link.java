package com.contactsynchub.link;

import java.time.OffsetDateTime;

/** A link between a contact and a customer, vendor or bank account (BC's Contact Business Relation). */
public record Link(String contactNo, String businessRelationCode, LinkType linkType, String recordNo,
        LinkStatus status, OffsetDateTime createdAt) {
}
