package com.contactsynchub.link.request;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.api.RecordNoParameters;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.ContactFacts;
import com.contactsynchub.link.LinkRefusedException;
import com.contactsynchub.link.LinkRegistry;

/** The hub's knowledge of contacts, as the linking requests need it. */
@Component
class KnownContacts {

    private final KnownRecords knownRecords;
    private final LinkRegistry links;

    KnownContacts(KnownRecords knownRecords, LinkRegistry links) {
        this.knownRecords = knownRecords;
        this.links = links;
    }

    /** @throws LinkRefusedException when the hub has no (undeleted) contact of this no. */
    ContactFacts facts(String contactNo) {
        return links.knownContact(contactNo, null);
    }

    /** The company of a person contact, when it has one. */
    Optional<ContactFacts> company(ContactFacts contact) {
        return Optional.ofNullable(contact.companyNo()).map(no -> links.knownContact(no, contact.no()));
    }

    /** The contact whose group a request about {@code contactNo} concerns: a person's company, else itself. */
    String holderOf(String contactNo) {
        return knownRecords.find(RecordType.CONTACT, contactNo).filter(c -> !c.deleted())
                .map(c -> ContactFacts.of(c).relationHolder()).orElse(contactNo);
    }

    /** {@code CT000013 Fabrikam}, or just the no. when the name is not known. */
    String numberAndName(String contactNo) {
        String name = knownRecords.find(RecordType.CONTACT, contactNo).map(c -> c.fields().path("name").asText(""))
                .orElse("");
        return name.isBlank() ? contactNo : contactNo + " " + name;
    }

    /**
     * Record and contact numbers are taken exactly as given: one with lower-case letters or a blank at either end is
     * refused with 400, not changed (contract/RecordNumbers): it is another system's key.
     */
    static String no(String field, String value) {
        return RecordNoParameters.require(field, value);
    }
}
