package com.contactsynchub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contactsynchub.document.DocumentRequestRules.Allowed;
import com.contactsynchub.document.DocumentRequestRules.Refused;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;

class DocumentRequestRulesTest {

    private static final DocumentContact FABRIKAM = new DocumentContact("CT000013", "Fabrikam", false, null, false, false);
    private static final DocumentContact ANNA = new DocumentContact("CT000014", "Anna", true, "CT000013", false, false);

    @Test
    void aSalesOrderOfALinkedCompanyIsMadeOutToItsCustomer() {
        var verdict = check("CT000013", RequestedDocumentType.SALES_ORDER, FABRIKAM, null,
                link("CT000013", LinkType.CUSTOMER, "C00010", LinkStatus.ACTIVE));
        assertThat(verdict).isEqualTo(new Allowed("CT000013", "CT000013", "C00010", null));
    }

    @Test
    void aPersonResolvesThroughItsCompanyAndStaysTheDocumentsContact() {
        var verdict = check("CT000014", RequestedDocumentType.PURCHASE_ORDER, ANNA, FABRIKAM,
                link("CT000013", LinkType.VENDOR, "V00010", LinkStatus.ACTIVE));
        assertThat(verdict).isEqualTo(new Allowed("CT000014", "CT000013", null, "V00010"));
    }

    @Test
    void aSalesQuoteWithoutCustomerCarriesOnlyTheContact() {
        var verdict = check("CT000013", RequestedDocumentType.SALES_QUOTE, FABRIKAM, null,
                link("CT000013", LinkType.VENDOR, "V00010", LinkStatus.ACTIVE));
        assertThat(verdict).isEqualTo(new Allowed("CT000013", "CT000013", null, null));
    }

    @Test
    void anOrderWithoutCustomerIsRefusedWithBcsMessage() {
        assertThat(check("CT000013", RequestedDocumentType.SALES_ORDER, FABRIKAM, null))
                .isEqualTo(new Refused("Contact CT000013 Fabrikam is not related to a customer."));
    }

    @Test
    void purchaseDocumentsNeedAVendorEvenForAQuote() {
        assertThat(check("CT000013", RequestedDocumentType.PURCHASE_QUOTE, FABRIKAM, null,
                link("CT000013", LinkType.CUSTOMER, "C00010", LinkStatus.ACTIVE)))
                .isEqualTo(new Refused("Contact CT000013 Fabrikam is not related to a vendor."));
    }

    @Test
    void aPersonsMessageNamesThePerson() {
        assertThat(check("CT000014", RequestedDocumentType.SALES_ORDER, ANNA, FABRIKAM))
                .isEqualTo(new Refused("Contact CT000014 Anna is not related to a customer."));
    }

    @Test
    void aPendingLinkIsNoRelationYet() {
        assertThat(check("CT000013", RequestedDocumentType.SALES_ORDER, FABRIKAM, null,
                link("CT000013", LinkType.CUSTOMER, "C00010", LinkStatus.PENDING)))
                .isEqualTo(new Refused("Contact CT000013 Fabrikam is not related to a customer."));
        assertThat(check("CT000013", RequestedDocumentType.SALES_QUOTE, FABRIKAM, null,
                link("CT000013", LinkType.CUSTOMER, "C00010", LinkStatus.PENDING)))
                .isEqualTo(new Allowed("CT000013", "CT000013", null, null));
    }

    @Test
    void privacyBlockedContactsAreRefusedBeforeTheirRelationsCount() {
        var blocked = new DocumentContact("CT000012", "Litware", false, null, true, false);
        assertThat(check("CT000012", RequestedDocumentType.SALES_QUOTE, blocked, null,
                link("CT000012", LinkType.CUSTOMER, "C00010", LinkStatus.ACTIVE))).isEqualTo(new Refused(
                "You cannot use contact CT000012 because they are marked as blocked due to privacy."));
    }

    @Test
    void aPersonOfAPrivacyBlockedCompanyIsRefusedNamingTheCompany() {
        var blockedCompany = new DocumentContact("CT000013", "Fabrikam", false, null, true, false);
        assertThat(check("CT000014", RequestedDocumentType.SALES_QUOTE, ANNA, blockedCompany)).isEqualTo(new Refused(
                "You cannot use contact CT000013 because they are marked as blocked due to privacy."));
    }

    @Test
    void unknownAndDeletedContactsAreNamed() {
        assertThat(DocumentRequestRules.check("CT000099", RequestedDocumentType.SALES_QUOTE, Optional.empty(),
                Optional.empty(), List.of())).isEqualTo(new Refused(
                "Contact CT000099 is not known to the hub: no event for it has been received."));
        var deleted = new DocumentContact("CT000013", "Fabrikam", false, null, false, true);
        assertThat(check("CT000013", RequestedDocumentType.SALES_QUOTE, deleted, null))
                .isEqualTo(new Refused("Contact CT000013 has been deleted."));
        assertThat(check("CT000014", RequestedDocumentType.SALES_QUOTE, ANNA, null)).isEqualTo(new Refused(
                "Contact CT000013 (the company of contact CT000014) is not known to the hub: no event for it has"
                        + " been received."));
    }

    @Test
    void aContactWithoutNameIsNamedByItsNumberAlone() {
        var nameless = new DocumentContact("CT000015", null, false, null, false, false);
        assertThat(check("CT000015", RequestedDocumentType.PURCHASE_ORDER, nameless, null))
                .isEqualTo(new Refused("Contact CT000015 is not related to a vendor."));
    }

    private static DocumentRequestRules.Verdict check(String contactNo, RequestedDocumentType type,
            DocumentContact contact, DocumentContact company, Link... links) {
        return DocumentRequestRules.check(contactNo, type, Optional.of(contact), Optional.ofNullable(company),
                List.of(links));
    }

    static Link link(String contactNo, LinkType type, String recordNo, LinkStatus status) {
        return new Link(contactNo, type == LinkType.CUSTOMER ? "CUST" : "VEND", type, recordNo, status,
                OffsetDateTime.now());
    }
}
