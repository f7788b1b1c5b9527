package com.contactsynchub.link.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contactsynchub.link.ContactFacts;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRefusedException;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;

/** BC's checks for creating a customer, vendor or bank account from a contact, in BC's order, with its messages. */
class CreationRulesTest {

    private static final ContactFacts COMPANY = ContactFacts.company("CT000010");
    private static final ContactFacts PERSON_OF_COMPANY = ContactFacts.person("CT000020", "CT000010");
    private static final ContactFacts STANDALONE_PERSON = ContactFacts.person("CT000011", null);
    private static final Optional<String> CODE = Optional.of("CUST");
    private static final Optional<String> SERIES = Optional.of("CUST");

    @Test
    void aCompanyGetsItsRecordWithTheSetupsCodeAndSeries() {
        var allowed = CreationRules.check(LinkType.CUSTOMER, COMPANY, Optional.empty(), Optional.empty(), CODE,
                "DOMESTIC", true, SERIES);
        assertThat(allowed).isEqualTo(new CreationRules.Allowed("CT000010", "CUST", "CUST"));
    }

    @Test
    void aPersonsCustomerIsMadeForItsCompany() {
        var allowed = CreationRules.check(LinkType.CUSTOMER, PERSON_OF_COMPANY, Optional.of(COMPANY),
                Optional.empty(), CODE, null, false, SERIES);
        assertThat(allowed.contactNo()).isEqualTo("CT000010");
    }

    @Test
    void aStandalonePersonMayBecomeACustomerButNotAVendorOrBankAccount() {
        assertThat(CreationRules.check(LinkType.CUSTOMER, STANDALONE_PERSON, Optional.empty(), Optional.empty(),
                CODE, null, false, SERIES).contactNo()).isEqualTo("CT000011");
        for (LinkType type : new LinkType[] {LinkType.VENDOR, LinkType.BANK_ACCOUNT}) {
            assertThatThrownBy(() -> CreationRules.check(type, STANDALONE_PERSON, Optional.empty(), Optional.empty(),
                    CODE, null, false, SERIES)).isInstanceOf(LinkRefusedException.class)
                    .hasMessage("Company No. must have a value in Contact CT000011.");
        }
    }

    @Test
    void alreadyLinkedComesFirstAlsoForAPersonsCompany() {
        Optional<Link> companysCustomer = Optional.of(link("CT000010", LinkType.CUSTOMER, "C00020"));
        // everything else is wrong too: the first check decides the message
        assertThatThrownBy(() -> CreationRules.check(LinkType.CUSTOMER, PERSON_OF_COMPANY.blockedForPrivacy(),
                Optional.of(COMPANY), companysCustomer, Optional.empty(), "NOPE", false, Optional.empty()))
                .hasMessage("Contact CT000010 already has a Customer with No. C00020.");
    }

    @Test
    void privacyComesBeforeTheSetupAndNamesTheBlockedContact() {
        assertThatThrownBy(() -> check(LinkType.VENDOR, COMPANY.blockedForPrivacy(), Optional.empty(),
                Optional.empty(), "NOPE", false, Optional.empty()))
                .hasMessage("You cannot use contact CT000010 because they are marked as blocked due to privacy.");
        assertThatThrownBy(() -> check(LinkType.CUSTOMER, PERSON_OF_COMPANY, Optional.of(COMPANY.blockedForPrivacy()),
                Optional.empty(), null, false, SERIES))
                .hasMessage("You cannot use contact CT000010 because they are marked as blocked due to privacy.");
    }

    @Test
    void theBusinessRelationCodeComesBeforeTheCompanyTemplateAndSeries() {
        assertThatThrownBy(() -> check(LinkType.BANK_ACCOUNT, STANDALONE_PERSON, Optional.empty(), Optional.empty(),
                null, false, Optional.empty()))
                .hasMessage("Bus. Rel. Code for Bank Accounts must have a value in Marketing Setup.");
        assertThatThrownBy(() -> CreationRules.check(LinkType.CUSTOMER, COMPANY, Optional.empty(), Optional.empty(),
                Optional.of(" "), null, false, SERIES))
                .hasMessage("Bus. Rel. Code for Customers must have a value in Marketing Setup.");
    }

    @Test
    void theCompanyComesBeforeTheTemplate() {
        assertThatThrownBy(() -> CreationRules.check(LinkType.VENDOR, STANDALONE_PERSON, Optional.empty(),
                Optional.empty(), Optional.of("VEND"), "NOPE", false, Optional.empty()))
                .hasMessage("Company No. must have a value in Contact CT000011.");
    }

    @Test
    void anUnknownTemplateIsNamedBeforeTheNumberSeriesIsChecked() {
        assertThatThrownBy(() -> CreationRules.check(LinkType.VENDOR, COMPANY, Optional.empty(), Optional.empty(),
                Optional.of("VEND"), "gold ", false, Optional.empty()))
                .hasMessage("The Vendor Templ. does not exist. Identification fields and values: Code='GOLD'");
    }

    @Test
    void aBlankNumberSeriesIsNamedLast() {
        assertThatThrownBy(() -> CreationRules.check(LinkType.CUSTOMER, COMPANY, Optional.empty(), Optional.empty(),
                CODE, "DOMESTIC", true, Optional.empty()))
                .hasMessage("Customer Nos. must have a value in Marketing Setup.");
        assertThatThrownBy(() -> CreationRules.check(LinkType.BANK_ACCOUNT, COMPANY, Optional.empty(),
                Optional.empty(), Optional.of("BANK"), null, false, Optional.of("")))
                .hasMessage("Bank Account Nos. must have a value in Marketing Setup.");
    }

    @Test
    void unlinkingWhatIsNotLinkedUsesBcsNotRelatedMessage() {
        assertThat(LinkRequestHandler.notRelated("CT000013 Fabrikam", LinkType.CUSTOMER))
                .isEqualTo("Contact CT000013 Fabrikam is not related to a customer.");
        assertThat(LinkRequestHandler.notRelated("CT000013", LinkType.BANK_ACCOUNT))
                .isEqualTo("Contact CT000013 is not related to a bank account.");
    }

    private static CreationRules.Allowed check(LinkType type, ContactFacts contact, Optional<ContactFacts> company,
            Optional<Link> holdersLink, String template, boolean templateExists, Optional<String> series) {
        return CreationRules.check(type, contact, company, holdersLink, Optional.empty(), template, templateExists,
                series);
    }

    private static Link link(String contactNo, LinkType type, String recordNo) {
        return new Link(contactNo, "CUST", type, recordNo, LinkStatus.ACTIVE, OffsetDateTime.now());
    }
}
