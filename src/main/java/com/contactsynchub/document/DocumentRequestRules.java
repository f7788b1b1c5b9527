package com.contactsynchub.document;

import java.util.List;
import java.util.Optional;

import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkStatus;

/**
 * BC's checks for making a sales or purchase document from a contact, in BC's order: the contact must exist, must
 * not be blocked for privacy (nor its company), and must be related to a customer (sales) or vendor (purchase)
 * through its company's link; only a sales quote may be made without, carrying only the contact.
 */
public final class DocumentRequestRules {

    public sealed interface Verdict {
    }

    /**
     * @param contactNo        the requested contact, which stays on the document (a person too)
     * @param relationHolderNo the contact holding the relations: a person's company, else the contact
     * @param customerNo       set for a sales document of a contact with a customer
     * @param vendorNo         set for a purchase document
     */
    public record Allowed(String contactNo, String relationHolderNo, String customerNo, String vendorNo)
            implements Verdict {
    }

    public record Refused(String reason) implements Verdict {
    }

    private DocumentRequestRules() {
    }

    /**
     * @param contact   the hub's knowledge of the requested contact; empty when it has none
     * @param company   a person's company contact; empty when the person has none or the hub does not know it
     * @param relations the links of the relation holder (active and pending)
     */
    public static Verdict check(String contactNo, RequestedDocumentType type, Optional<DocumentContact> contact,
            Optional<DocumentContact> company, List<Link> relations) {
        if (contact.isEmpty()) {
            return new Refused("Contact " + contactNo + " is not known to the hub: no event for it has been received.");
        }
        DocumentContact c = contact.get();
        if (c.deleted()) {
            return new Refused("Contact " + contactNo + " has been deleted.");
        }
        if (c.privacyBlocked()) {
            return new Refused(privacyBlocked(c.no()));
        }
        if (c.companyNo() != null) {
            if (company.isEmpty()) {
                return new Refused("Contact " + c.companyNo() + " (the company of contact " + c.no()
                        + ") is not known to the hub: no event for it has been received.");
            }
            if (company.get().deleted()) {
                return new Refused("Contact " + c.companyNo() + " (the company of contact " + c.no()
                        + ") has been deleted.");
            }
            if (company.get().privacyBlocked()) {
                return new Refused(privacyBlocked(c.companyNo()));
            }
        }
        // A pending link waits for the finance system to confirm its record: not a relation yet.
        Optional<String> related = relations.stream()
                .filter(l -> l.linkType() == type.relation() && l.status() == LinkStatus.ACTIVE)
                .map(Link::recordNo).findFirst();
        if (related.isEmpty() && type.relationRequired()) {
            return new Refused("Contact " + c.numberAndName() + " is not related to a "
                    + type.relation().caption().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        String recordNo = related.orElse(null);
        return switch (type.relation()) {
            case CUSTOMER -> new Allowed(c.no(), c.relationHolder(), recordNo, null);
            case VENDOR -> new Allowed(c.no(), c.relationHolder(), null, recordNo);
            case BANK_ACCOUNT -> throw new IllegalStateException("no document is made out to a bank account");
        };
    }

    /** BC's message, naming the contact that is blocked (for a person of a blocked company: the company). */
    static String privacyBlocked(String contactNo) {
        return "You cannot use contact " + contactNo + " because they are marked as blocked due to privacy.";
    }
}
