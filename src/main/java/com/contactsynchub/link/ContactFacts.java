package com.contactsynchub.link;

import com.contactsynchub.intake.KnownRecord;

/**
 * What the link rules need to know of a contact, taken from the hub's knowledge of it ({@link KnownRecord}).
 *
 * @param companyNo the company of a person contact; {@code null} for a standalone person or a company
 */
public record ContactFacts(String no, boolean person, String companyNo, boolean privacyBlocked) {

    public static ContactFacts of(KnownRecord contact) {
        String company = contact.isPerson() && contact.companyNo() != null && !contact.companyNo().isBlank()
                && !contact.companyNo().equals(contact.no()) ? contact.companyNo() : null;
        return new ContactFacts(contact.no(), contact.isPerson(), company, contact.privacyBlocked());
    }

    public static ContactFacts company(String no) {
        return new ContactFacts(no, false, null, false);
    }

    public static ContactFacts person(String no, String companyNo) {
        return new ContactFacts(no, true, companyNo, false);
    }

    public ContactFacts blockedForPrivacy() {
        return new ContactFacts(no, person, companyNo, true);
    }

    /** The contact that holds this contact's relations: a person's company, otherwise the contact itself. */
    public String relationHolder() {
        return companyNo != null ? companyNo : no;
    }
}
