package com.contactsynchub.link.request;

import java.util.Optional;

import com.contactsynchub.link.ContactFacts;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRefusedException;
import com.contactsynchub.link.LinkRules;
import com.contactsynchub.link.LinkType;

/**
 * Whether a customer, vendor or bank account may be created from a contact (docs/domain.md, What happens 3): Business
 * Central's checks of Contact.CreateCustomer/CreateVendor/CreateBankAccount in their order, each refusing with BC's
 * message. Plain Java: the caller gathers the facts.
 */
public final class CreationRules {

    /** The record may be created: for {@code contactNo} (a person's company, or the contact itself). */
    public record Allowed(String contactNo, String businessRelationCode, String numberSeries) {
    }

    private CreationRules() {
    }

    /**
     * @param contact        the contact named in the request
     * @param company        the person's company, when {@code contact} is a person with one
     * @param holdersLink    the link of this type of the contact that would hold the new record (a person's company)
     * @param templateCode   the template asked for, or null
     * @param templateExists whether the setup has that template
     * @param numberSeries   the setup's number series for this type (Customer Nos., ...), empty when blank
     * @throws LinkRefusedException with the message of the first check that fails
     */
    public static Allowed check(LinkType type, ContactFacts contact, Optional<ContactFacts> company,
            Optional<Link> holdersLink, Optional<String> businessRelationCode, String templateCode,
            boolean templateExists, Optional<String> numberSeries) {
        String holder = contact.relationHolder();
        // 1. not already linked; for a person, its company (which would hold the new record) not already linked
        holdersLink.ifPresent(link -> {
            throw new LinkRefusedException(LinkRules.alreadyHas(holder, type, link.recordNo()));
        });
        // 2. privacy: the contact, and the company a person's record would be made for
        refuseIfPrivacyBlocked(contact);
        company.ifPresent(CreationRules::refuseIfPrivacyBlocked);
        // 3. the link type is switched on
        String code = present(businessRelationCode).orElseThrow(() -> new LinkRefusedException(
                type.businessRelationSetting() + " must have a value in Marketing Setup."));
        // 4. vendors and bank accounts belong to companies; only a customer may be a (standalone) person
        if (type != LinkType.CUSTOMER && contact.person() && contact.companyNo() == null) {
            throw new LinkRefusedException("Company No. must have a value in Contact " + contact.no() + ".");
        }
        // 5. the template asked for exists
        if (templateCode != null && !templateExists) {
            throw new LinkRefusedException(unknownTemplate(type, templateCode));
        }
        // 6. the new record can be numbered
        String series = present(numberSeries).orElseThrow(() -> new LinkRefusedException(
                numberSeriesSetting(type) + " must have a value in Marketing Setup."));
        return new Allowed(holder, code, series);
    }

    /** BC's error for a record that does not exist, for the template table of this type. */
    public static String unknownTemplate(LinkType type, String templateCode) {
        return "The " + type.caption() + " Templ. does not exist. Identification fields and values: Code='"
                + templateCode.strip().toUpperCase(java.util.Locale.ROOT) + "'";
    }

    /** The setup field holding the number series of records of this type. */
    public static String numberSeriesSetting(LinkType type) {
        return type.caption() + " Nos.";
    }

    private static Optional<String> present(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }

    private static void refuseIfPrivacyBlocked(ContactFacts contact) {
        if (contact.privacyBlocked()) {
            throw new LinkRefusedException("You cannot use contact " + contact.no()
                    + " because they are marked as blocked due to privacy.");
        }
    }
}
