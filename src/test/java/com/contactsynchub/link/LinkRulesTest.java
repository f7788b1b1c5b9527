package com.contactsynchub.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LinkRulesTest {

    private static final Optional<String> CUST = Optional.of("CUST");

    private static Link link(String contactNo, LinkType type, String recordNo) {
        return new Link(contactNo, "CUST", type, recordNo, LinkStatus.ACTIVE, OffsetDateTime.now());
    }

    @Test
    void aCompanyWithoutLinksMayBeLinkedUsingTheSetUpCode() {
        assertThat(LinkRules.check(LinkType.CUSTOMER, "C00020", ContactFacts.company("CT000010"), Optional.empty(),
                Optional.empty(), Optional.empty(), CUST))
                .isEqualTo(new LinkRules.Allowed("CT000010", "CUST"));
    }

    @Test
    void aContactHasAtMostOneLinkOfEachType() {
        assertThatThrownBy(() -> LinkRules.check(LinkType.CUSTOMER, "C00030", ContactFacts.company("CT000010"),
                Optional.empty(), Optional.of(link("CT000010", LinkType.CUSTOMER, "C00020")), Optional.empty(), CUST))
                .isInstanceOf(LinkRefusedException.class)
                .hasMessage("Contact CT000010 already has a Customer with No. C00020.");
    }

    @Test
    void linkingAgainWhatIsLinkedIsNoError() {
        Link existing = link("CT000010", LinkType.CUSTOMER, "C00020");
        assertThat(LinkRules.check(LinkType.CUSTOMER, "C00020", ContactFacts.company("CT000010"), Optional.empty(),
                Optional.of(existing), Optional.of(existing), CUST)).isEqualTo(new LinkRules.AlreadyLinked(existing));
    }

    @Test
    void aRecordIsLinkedToAtMostOneContact() {
        assertThatThrownBy(() -> LinkRules.check(LinkType.BANK_ACCOUNT, "B00010", ContactFacts.company("CT000010"),
                Optional.empty(), Optional.empty(), Optional.of(link("CT000099", LinkType.BANK_ACCOUNT, "B00010")),
                Optional.of("BANK")))
                .hasMessage("Bank Account B00010 already has a Contact with No. CT000099.");
    }

    @Test
    void aPersonsRelationsAreItsCompanys() {
        ContactFacts person = ContactFacts.person("CT000011", "CT000010");
        assertThat(LinkRules.check(LinkType.VENDOR, "V00010", person, Optional.of(ContactFacts.company("CT000010")),
                Optional.empty(), Optional.empty(), Optional.of("VEND")))
                .isEqualTo(new LinkRules.Allowed("CT000010", "VEND"));
        // The company's existing link is what counts, and the message names the company.
        assertThatThrownBy(() -> LinkRules.check(LinkType.CUSTOMER, "C00030", person,
                Optional.of(ContactFacts.company("CT000010")),
                Optional.of(link("CT000010", LinkType.CUSTOMER, "C00020")), Optional.empty(), CUST))
                .hasMessage("Contact CT000010 already has a Customer with No. C00020.");
    }

    @Test
    void aStandalonePersonMayBeACustomerButNotAVendorOrBankAccount() {
        ContactFacts standalone = ContactFacts.person("CT000011", null);
        assertThat(LinkRules.check(LinkType.CUSTOMER, "C00020", standalone, Optional.empty(), Optional.empty(),
                Optional.empty(), CUST)).isEqualTo(new LinkRules.Allowed("CT000011", "CUST"));
        assertThatThrownBy(() -> LinkRules.check(LinkType.VENDOR, "V00010", standalone, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("VEND")))
                .hasMessage("Company No. must have a value in Contact CT000011.");
        assertThatThrownBy(() -> LinkRules.check(LinkType.BANK_ACCOUNT, "B00010", standalone, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("BANK")))
                .hasMessage("Company No. must have a value in Contact CT000011.");
    }

    @Test
    void aPrivacyBlockedContactOrCompanyCannotBeLinked() {
        assertThatThrownBy(() -> LinkRules.check(LinkType.CUSTOMER, "C00020",
                ContactFacts.company("CT000012").blockedForPrivacy(), Optional.empty(), Optional.empty(),
                Optional.empty(), CUST))
                .hasMessage("You cannot use contact CT000012 because they are marked as blocked due to privacy.");
        assertThatThrownBy(() -> LinkRules.check(LinkType.CUSTOMER, "C00020", ContactFacts.person("CT000013", "CT000012"),
                Optional.of(ContactFacts.company("CT000012").blockedForPrivacy()), Optional.empty(), Optional.empty(),
                CUST))
                .hasMessage("You cannot use contact CT000012 because they are marked as blocked due to privacy.");
    }

    @Test
    void aLinkTypeWithoutBusinessRelationCodeIsSwitchedOff() {
        assertThatThrownBy(() -> LinkRules.check(LinkType.CUSTOMER, "C00020", ContactFacts.company("CT000010"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessage("Bus. Rel. Code for Customers must have a value in Marketing Setup.");
        assertThatThrownBy(() -> LinkRules.check(LinkType.BANK_ACCOUNT, "B00010", ContactFacts.company("CT000010"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(" ")))
                .hasMessage("Bus. Rel. Code for Bank Accounts must have a value in Marketing Setup.");
    }

    @Test
    void checksComeInBusinessCentralsOrder() {
        // Already linked comes before privacy, privacy before Company No., Company No. before the setup.
        ContactFacts blockedStandalone = ContactFacts.person("CT000011", null).blockedForPrivacy();
        assertThatThrownBy(() -> LinkRules.check(LinkType.VENDOR, "V00020", blockedStandalone, Optional.empty(),
                Optional.of(link("CT000011", LinkType.VENDOR, "V00010")), Optional.empty(), Optional.empty()))
                .hasMessage("Contact CT000011 already has a Vendor with No. V00010.");
        assertThatThrownBy(() -> LinkRules.check(LinkType.VENDOR, "V00020", blockedStandalone, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("blocked due to privacy");
        assertThatThrownBy(() -> LinkRules.check(LinkType.VENDOR, "V00020", ContactFacts.person("CT000011", null),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessage("Company No. must have a value in Contact CT000011.");
    }
}
