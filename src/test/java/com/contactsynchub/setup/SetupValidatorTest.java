package com.contactsynchub.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.contactsynchub.api.InvalidRequestException;

class SetupValidatorTest {

    private final SetupValidator validator = new SetupValidator(Set.of("CONT", "CUST", "VEND", "BANK")::contains);

    @Test
    void aGoodSetupComesBackNormalised() {
        MarketingSetup input = new MarketingSetup(" cust ", "VEND", "", " cont", "CUST", null, "BANK",
                List.of(new RecordTemplate(" domestic ", " Domestic ", Map.of(" customerPostingGroup ", "DOMESTIC"))),
                List.of(), Map.of("salesOrder", " sorder "), null, 7L);

        MarketingSetup valid = validator.validate(input);

        assertThat(valid).isEqualTo(new MarketingSetup("CUST", "VEND", null, "CONT", "CUST", null, "BANK",
                List.of(new RecordTemplate("DOMESTIC", "Domestic", Map.of("customerPostingGroup", "DOMESTIC"))),
                List.of(), Map.of("salesOrder", "SORDER"), "latest-wins", 7L));
    }

    @Test
    void everyProblemIsReportedNamingItsField() {
        MarketingSetup input = new MarketingSetup("CUSTOMERS-X", null, null, "CONTX", null, "VEND", null,
                List.of(new RecordTemplate("DOMESTIC", null, Map.of("countryRegionCode", "ABCDEFGHIJK", "paymentTermsCode", " ")),
                        new RecordTemplate("domestic", null, Map.of()),
                        new RecordTemplate(" ", null, Map.of())),
                List.of(new RecordTemplate("V".repeat(21), null, Map.of("salespersonCode", "AB"))),
                Map.of("salesQute", "SQ", "salesOrder", "ORDER-TEMPLATE"), "newest-wins", null);

        assertThatThrownBy(() -> validator.validate(input))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "busRelCodeForCustomers: 11 characters, at most 10 allowed",
                                "contactNos: number series CONTX does not exist",
                                "customerTemplates[DOMESTIC].values.countryRegionCode: 11 characters, at most 10"
                                        + " allowed",
                                "customerTemplates[DOMESTIC].values.paymentTermsCode: must have a value (leave the"
                                        + " field out instead)",
                                "customerTemplates[DOMESTIC]: template DOMESTIC appears more than once",
                                "customerTemplates[2].code: must have a value",
                                "vendorTemplates[" + "V".repeat(21) + "].code: 21 characters, at most 20 allowed",
                                "vendorTemplates[" + "V".repeat(21) + "].values.salespersonCode: salespersonCode is"
                                        + " not a field of a vendor",
                                "interactionTemplates.salesQute: salesQute is not a document type (one of salesQuote,"
                                        + " salesOrder, salesBlanketOrder, salesInvoice, salesCreditMemo, salesShipment,"
                                        + " salesReturnOrder, serviceOrder, serviceQuote, purchaseQuote, purchaseOrder,"
                                        + " purchaseBlanketOrder, purchaseInvoice, purchaseCreditMemo, purchaseReceipt,"
                                        + " purchaseReturnOrder)",
                                "interactionTemplates.salesOrder: 14 characters, at most 10 allowed",
                                "conflictPolicy: newest-wins is not one of latest-wins, contact-wins, finance-wins,"
                                        + " manual"));
    }

    @Test
    void aBlankInteractionTemplateMeansNothingIsLogged() {
        MarketingSetup valid = validator.validate(new MarketingSetup(null, null, null, null, null, null, null, null,
                null, Map.of("salesInvoice", " "), "manual", null));
        assertThat(valid.interactionTemplates()).isEmpty();
        assertThat(valid.conflictPolicy()).isEqualTo("manual");
    }

    @Test
    void aSingleTemplateTakesItsCodeFromThePath() {
        RecordTemplate valid = validator.validateTemplate(TemplateKind.VENDOR, " export ",
                new RecordTemplate("ignored", "Export", Map.of("vendorPostingGroup", "FOREIGN")));
        assertThat(valid).isEqualTo(new RecordTemplate("EXPORT", "Export", Map.of("vendorPostingGroup", "FOREIGN")));

        assertThatThrownBy(() -> validator.validateTemplate(TemplateKind.VENDOR, "EXPORT",
                new RecordTemplate(null, null, Map.of("salespersonCode", "JR"))))
                .hasMessage("vendorTemplates[EXPORT].values.salespersonCode: salespersonCode is not a field of a"
                        + " vendor");
    }

    @Test
    void aTemplateMayCarryCommonFieldsAsBusinessCentralsTemplatesDoCodesUpperCased() {
        RecordTemplate valid = validator.validateTemplate(TemplateKind.CUSTOMER, "EU",
                new RecordTemplate(null, "Euro customers", Map.of("currencyCode", " eur ", "countryRegionCode", "de",
                        "languageCode", "DEU", "customerPostingGroup", "EU")));
        assertThat(valid.values()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("countryRegionCode", "DE",
                "currencyCode", "EUR", "customerPostingGroup", "EU", "languageCode", "DEU")));
    }
}
