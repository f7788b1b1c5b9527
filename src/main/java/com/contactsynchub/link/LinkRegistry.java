package com.contactsynchub.link;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.RecordNoParameters;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;

/**
 * The hub's links between contacts and customers, vendors and bank accounts. {@link #link} checks
 * {@link LinkRules} and then inserts; the database's unique constraints decide between concurrent attempts, and
 * the loser gets the same BC message as if it had come second.
 */
@Service
public class LinkRegistry {

    /** Rounds of check-then-insert; another round only when a competing link vanished between insert and re-read. */
    private static final int ATTEMPTS = 3;

    private final LinkRepository links;
    private final KnownRecords knownRecords;
    private final BusinessRelationCodes setup;
    private final Clock clock;

    public LinkRegistry(LinkRepository links, KnownRecords knownRecords, BusinessRelationCodes setup, Clock clock) {
        this.links = links;
        this.knownRecords = knownRecords;
        this.setup = setup;
        this.clock = clock;
    }

    /** Links the contact (a person: its company) with the record, active at once. */
    public Link link(String contactNo, LinkType type, String recordNo) {
        return link(contactNo, type, recordNo, LinkStatus.ACTIVE);
    }

    /**
     * Links the contact (a person with a company: the company) with the record. Linking again exactly what is
     * linked returns the existing link.
     *
     * @param status {@link LinkStatus#PENDING} while the finance system has not yet acknowledged a record created
     *               from the contact; see {@link #activate}
     * @throws LinkRefusedException with BC's message when a rule refuses the link, also when a concurrent link won
     */
    public Link link(String contactNo, LinkType type, String recordNo, LinkStatus status) {
        String contact = no("contactNo", contactNo);
        String record = no("recordNo", recordNo);
        DuplicateKeyException lostRace = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LinkRules.Verdict verdict = check(contact, type, record);
            if (verdict instanceof LinkRules.AlreadyLinked already) {
                return already.link();
            }
            LinkRules.Allowed allowed = (LinkRules.Allowed) verdict;
            Link link = new Link(allowed.contactNo(), allowed.businessRelationCode(), type, record, status,
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
            try {
                links.insert(link);
                return link;
            } catch (DuplicateKeyException e) {
                // Another thread or hub instance linked one of the two slots since the check: checking again
                // finds its link and refuses with the BC message (or finds this very link and returns it).
                lostRace = e;
            }
        }
        throw lostRace;
    }

    /** Turns a pending link active once the finance system acknowledged the record; false if there is no link. */
    public boolean activate(LinkType type, String recordNo) {
        return links.updateStatus(type, no("recordNo", recordNo), LinkStatus.ACTIVE);
    }

    /** Removes the record's link (the record and the contact remain); returns the removed link. */
    public Optional<Link> unlink(LinkType type, String recordNo) {
        String record = no("recordNo", recordNo);
        Optional<Link> existing = links.findByRecord(type, record);
        return existing.isPresent() && links.delete(type, record) ? existing : Optional.empty();
    }

    /** Removes every link of a contact (when the contact is deleted); returns how many there were. */
    public int unlinkContact(String contactNo) {
        return links.deleteByContact(no("contactNo", contactNo));
    }

    /** The links stored on this contact. A person's relations are its company's: see {@link #relationsOf}. */
    public List<Link> findByContact(String contactNo) {
        return links.findByContact(no("contactNo", contactNo));
    }

    public Optional<Link> findByContact(String contactNo, LinkType type) {
        return links.findByContact(no("contactNo", contactNo), type);
    }

    public Optional<Link> findByRecord(LinkType type, String recordNo) {
        return links.findByRecord(type, no("recordNo", recordNo));
    }

    /** The links that count for this contact: for a person with a company, the company's links. */
    public List<Link> relationsOf(String contactNo) {
        String no = no("contactNo", contactNo);
        String holder = knownRecords.find(RecordType.CONTACT, no).filter(c -> !c.deleted())
                .map(c -> ContactFacts.of(c).relationHolder()).orElse(no);
        return links.findByContact(holder);
    }

    /** @param page from 0; @param size 1 to 500 */
    public LinkPage search(LinkSearch search, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequestException("page: must be 0 or more and size between 1 and 500, were " + page
                    + " and " + size);
        }
        LinkSearch normalised = new LinkSearch(optionalNo("contactNo", search.contactNo()), search.linkType(),
                optionalNo("recordNo", search.recordNo()));
        return links.search(normalised, page, size);
    }

    private LinkRules.Verdict check(String contactNo, LinkType type, String recordNo) {
        ContactFacts contact = knownContact(contactNo, null);
        Optional<ContactFacts> company = Optional.ofNullable(contact.companyNo())
                .map(companyNo -> knownContact(companyNo, contactNo));
        String holder = contact.relationHolder();
        return LinkRules.check(type, recordNo, contact, company, links.findByContact(holder, type),
                links.findByRecord(type, recordNo), setup.businessRelationCode(type));
    }

    /**
     * The contact as the hub knows it, for BC's checks.
     *
     * @param personNo the person whose company this is, for the message; null for the contact itself
     * @throws LinkRefusedException when the hub has no (undeleted) contact of this no.
     */
    public ContactFacts knownContact(String no, String personNo) {
        Optional<KnownRecord> known = knownRecords.find(RecordType.CONTACT, no);
        String what = personNo == null ? "Contact " + no : "Contact " + no + " (the company of contact " + personNo + ")";
        if (known.isEmpty()) {
            throw new LinkRefusedException(what + " is not known to the hub: no event for it has been received.");
        }
        if (known.get().deleted()) {
            throw new LinkRefusedException(what + " has been deleted.");
        }
        return ContactFacts.of(known.get());
    }

    private static String optionalNo(String field, String value) {
        return RecordNoParameters.optional(field, value);
    }

    /**
     * Record and contact numbers are taken exactly as given: one with lower-case letters or a blank at either end is
     * refused with 400, not changed (contract/RecordNumbers): it is another system's key.
     */
    private static String no(String field, String value) {
        return RecordNoParameters.require(field, value);
    }
}
