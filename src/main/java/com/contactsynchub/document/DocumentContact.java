package com.contactsynchub.document;

import com.contactsynchub.intake.KnownRecord;

/**
 * What the document rules need to know of a contact, from the hub's knowledge of it.
 *
 * @param companyNo a person's company; null for a company or a standalone person
 */
public record DocumentContact(String no, String name, boolean person, String companyNo, boolean privacyBlocked,
        boolean deleted) {

    public static DocumentContact of(KnownRecord known) {
        String company = known.isPerson() && known.companyNo() != null && !known.companyNo().isBlank()
                && !known.companyNo().equals(known.no()) ? known.companyNo() : null;
        String name = known.fields().hasNonNull("name") ? known.fields().get("name").asText() : null;
        return new DocumentContact(known.no(), name, known.isPerson(), company, known.privacyBlocked(),
                known.deleted());
    }

    /** The contact holding this contact's relations: a person's company, otherwise the contact itself. */
    public String relationHolder() {
        return companyNo != null ? companyNo : no;
    }

    /** "CT000013 Fabrikam" as BC puts a contact in its messages (the number alone when it has no name). */
    public String numberAndName() {
        return name == null || name.isBlank() ? no : no + " " + name;
    }
}
