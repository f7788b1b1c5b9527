package com.contactsynchub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contactsynchub.document.InteractionRules.Log;
import com.contactsynchub.document.InteractionRules.Output;
import com.contactsynchub.document.InteractionRules.Report;
import com.contactsynchub.document.InteractionRules.Skip;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.DocumentType;

class InteractionRulesTest {

    private static final Report QUOTE_PRINTED = new Report(DocumentType.SALES_QUOTE, "SQ000001", Output.PRINTED,
            LinkType.CUSTOMER, "C00010", null, null);

    @Test
    void aPrintedQuoteIsLoggedOnTheContactLinkedToItsCustomer() {
        var decision = InteractionRules.decide(QUOTE_PRINTED, Optional.of("SQUOTE"), linked(LinkStatus.ACTIVE),
                Optional.empty());
        assertThat(decision).isEqualTo(new Log("CT000013", "SQUOTE", "Sales Quote SQ000001 printed",
                "on contact CT000013, linked to Customer C00010"));
    }

    @Test
    void anEmailedPurchaseOrderIsLoggedOnTheNamedPersonOfTheVendorsContact() {
        var report = new Report(DocumentType.PURCHASE_ORDER, "PO000001", Output.EMAILED, LinkType.VENDOR, "V00010",
                "CT000014", null);
        var person = new DocumentContact("CT000014", "Anna", true, "CT000013", false, false);
        var decision = (Log) InteractionRules.decide(report, Optional.of("PORDER"),
                Optional.of(DocumentRequestRulesTest.link("CT000013", LinkType.VENDOR, "V00010", LinkStatus.ACTIVE)),
                Optional.of(person));
        assertThat(decision.contactNo()).isEqualTo("CT000014");
        assertThat(decision.description()).isEqualTo("Purchase Order PO000001 e-mailed");
    }

    @Test
    void aNamedContactOfAnotherCompanyOrUnknownFallsBackToTheLinkedContact() {
        var report = new Report(DocumentType.SALES_INVOICE, "SI1", Output.PRINTED, LinkType.CUSTOMER, "C00010",
                "CT000020", "Invoice for March");
        var stranger = new DocumentContact("CT000020", "Bob", true, "CT000019", false, false);
        var decision = (Log) InteractionRules.decide(report, Optional.of("SINVOICE"), linked(LinkStatus.ACTIVE),
                Optional.of(stranger));
        assertThat(decision.contactNo()).isEqualTo("CT000013");
        assertThat(decision.description()).isEqualTo("Invoice for March");
        assertThat(decision.detail()).contains("does not belong to contact CT000013");
        var unknown = (Log) InteractionRules.decide(report, Optional.of("SINVOICE"), linked(LinkStatus.ACTIVE),
                Optional.empty());
        assertThat(unknown.contactNo()).isEqualTo("CT000013");
        assertThat(unknown.detail()).contains("CT000020 is not known to the hub");
    }

    @Test
    void noTemplateMeansNothingIsLoggedAndSaysWhy() {
        assertThat(InteractionRules.decide(QUOTE_PRINTED, Optional.empty(), linked(LinkStatus.ACTIVE),
                Optional.empty())).isEqualTo(new Skip("No interaction template is set up for document type"
                + " salesQuote (Marketing Setup, interaction templates): nothing is logged for Sales Quote SQ000001"
                + " printed."));
    }

    @Test
    void noLinkOrAPendingLinkMeansNothingIsLogged() {
        assertThat(InteractionRules.decide(QUOTE_PRINTED, Optional.of("SQUOTE"), Optional.empty(), Optional.empty()))
                .isEqualTo(new Skip("Customer C00010 of Sales Quote SQ000001 is not linked to a contact: nothing is"
                        + " logged."));
        assertThat(InteractionRules.decide(QUOTE_PRINTED, Optional.of("SQUOTE"), linked(LinkStatus.PENDING),
                Optional.empty())).isInstanceOf(Skip.class);
    }

    @Test
    void aLongDescriptionIsCutToTheContractsLimit() {
        var report = new Report(DocumentType.SALES_ORDER, "SO1", Output.PRINTED, LinkType.CUSTOMER, "C00010", null,
                "x".repeat(150));
        var decision = (Log) InteractionRules.decide(report, Optional.of("SORDER"), linked(LinkStatus.ACTIVE),
                Optional.empty());
        assertThat(decision.description()).hasSize(100);
    }

    private static Optional<com.contactsynchub.link.Link> linked(LinkStatus status) {
        return Optional.of(DocumentRequestRulesTest.link("CT000013", LinkType.CUSTOMER, "C00010", status));
    }
}
