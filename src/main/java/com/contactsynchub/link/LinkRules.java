package com.contactsynchub.link;

import java.util.Optional;

/**
 * Whether a contact may be linked with a customer, vendor or bank account: Business Central's checks, in BC's
 * order (Contact.CreateCustomer/CreateVendor/CreateBankAccount), with BC's messages. Plain Java: the caller
 * gathers the facts, so the rules are tested without a database.
 */
public final class LinkRules {

    /** The verdict when the link is allowed. */
    public sealed interface Verdict {
    }

    /** Link {@code contactNo} (the contact itself or a person's company) using {@code businessRelationCode}. */
    public record Allowed(String contactNo, String businessRelationCode) implements Verdict {
    }

    /** Exactly this link exists already: linking again changes nothing (a repeated request is not an error). */
    public record AlreadyLinked(Link link) implements Verdict {
    }

    private LinkRules() {
    }

    /**
     * @param contact           the contact asked for
     * @param company           the person's company, when {@code contact} is a person with one
     * @param holdersLinkOfType the link of this type of {@link ContactFacts#relationHolder()}, if any
     * @param recordsLink       the link of the customer/vendor/bank account, if any
     * @param businessRelationCode the setup's code for this link type; empty when the link type is switched off
     * @throws LinkRefusedException with BC's message for the first check that fails
     */
    public static Verdict check(LinkType type, String recordNo, ContactFacts contact, Optional<ContactFacts> company,
            Optional<Link> holdersLinkOfType, Optional<Link> recordsLink, Optional<String> businessRelationCode) {
        String holder = contact.relationHolder();
        if (holdersLinkOfType.isPresent()) {
            Link existing = holdersLinkOfType.get();
            if (existing.recordNo().equals(recordNo)) {
                return new AlreadyLinked(existing);
            }
            throw new LinkRefusedException(alreadyHas(holder, type, existing.recordNo()));
        }
        if (recordsLink.isPresent() && !recordsLink.get().contactNo().equals(holder)) {
            throw new LinkRefusedException(recordAlreadyLinked(type, recordNo, recordsLink.get().contactNo()));
        }
        refuseIfPrivacyBlocked(contact);
        company.ifPresent(LinkRules::refuseIfPrivacyBlocked);
        if (type != LinkType.CUSTOMER && contact.person() && contact.companyNo() == null) {
            // BC: Contact.TestField("Company No.") in CreateVendor/CreateBankAccount; only customers take persons.
            throw new LinkRefusedException("Company No. must have a value in Contact " + contact.no() + ".");
        }
        String code = businessRelationCode.filter(c -> !c.isBlank()).orElseThrow(() -> new LinkRefusedException(
                type.businessRelationSetting() + " must have a value in Marketing Setup."));
        return new Allowed(holder, code);
    }

    /** BC's RelationExistsErr: {@code Contact CT000010 already has a Customer with No. C00020.} */
    public static String alreadyHas(String contactNo, LinkType type, String recordNo) {
        return "Contact " + contactNo + " already has a " + type.caption() + " with No. " + recordNo + ".";
    }

    /** The same message template seen from the record: {@code Customer C00020 already has a Contact with No. CT000010.} */
    public static String recordAlreadyLinked(LinkType type, String recordNo, String contactNo) {
        return type.caption() + " " + recordNo + " already has a Contact with No. " + contactNo + ".";
    }

    private static void refuseIfPrivacyBlocked(ContactFacts contact) {
        if (contact.privacyBlocked()) {
            throw new LinkRefusedException("You cannot use contact " + contact.no()
                    + " because they are marked as blocked due to privacy.");
        }
    }
}
