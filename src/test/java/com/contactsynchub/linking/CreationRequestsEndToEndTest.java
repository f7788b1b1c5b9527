package com.contactsynchub.linking;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceRecord;

/** Customers, vendors and bank accounts created from contacts, over the real broker (docs/domain.md 3). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CreationRequestsEndToEndTest extends LinkingTestSupport {

    @Test
    void aCustomerWithTemplateGetsTheContactsFieldsAndTheTemplatesValuesAndIsLinkedOnceCreated() {
        String contactNo = company("Northwind", Map.of(CommonField.CITY, "London", CommonField.POST_CODE, "ec1 2ab",
                CommonField.SALESPERSON_CODE, "JR"));
        String series = ownSeries("C");

        var answer = withSetup(Map.of("customerNos", series),
                () -> answer(request("customer.creation.requested", contactNo, "templateCode", "domestic")));

        assertThat(answer.status()).isEqualTo("completed");
        String customerNo = answer.answer().path("recordNo").asText();
        assertThat(answer.answer().path("linkType").asText()).isEqualTo("customer");
        FinanceRecord customer = erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow();
        assertThat(customer.fields()).containsEntry(CommonField.NAME, "Northwind")
                .containsEntry(CommonField.CITY, "London").containsEntry(CommonField.POST_CODE, "EC1 2AB")
                .containsEntry(CommonField.SALESPERSON_CODE, "JR");
        assertThat(customer.finance()).containsEntry("customerPostingGroup", "DOMESTIC")
                .containsEntry("paymentTermsCode", "30 DAYS");
        assertThat(customer.contactType()).isEqualTo("company");
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo).orElseThrow())
                .satisfies(l -> assertThat(l.contactNo()).isEqualTo(contactNo))
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.ACTIVE));
        // the finance system's customer.created is the hub's own creation: no contact for it
        awaitDecision("customer", customerNo, "auto-contact-skipped");
        assertThat(decisions("customer", customerNo)).contains("creation-requested", "creation-completed")
                .doesNotContain("auto-contact-requested");

        // linked from now on, both ways
        crm.change(contactNo, ContactChange.ofFields(Map.of(CommonField.CITY, "Leeds")));
        await().atMost(WAIT).until(() -> "Leeds".equals(
                erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields().get(CommonField.CITY)));
        erp.change(FinanceKind.CUSTOMER, customerNo, Map.of(CommonField.PHONE_NO, "+44 20 555"), Map.of(), null);
        await().atMost(WAIT).until(() -> "+44 20 555".equals(
                crm.find(contactNo).orElseThrow().fields().get(CommonField.PHONE_NO)));
        assertThat(commands("customer:" + customerNo, "customer.update")).isEqualTo(1);
        assertThat(commands("contact:" + contactNo, "contact.update")).isEqualTo(1);
    }

    /**
     * A template that carries common fields, as BC's customer templates do: applied after the contact's fields, its
     * values win on the new customer and then reach the contact, journalled; the fields the customer was created
     * with are not written to it a second time.
     */
    @Test
    void aTemplatesCommonFieldsWinOnTheNewCustomerAndThenReachTheContact() {
        String contactNo = company("Contoso Europe", Map.of(CommonField.CITY, "Berlin",
                CommonField.CURRENCY_CODE, "USD"));
        String templateCode = "EU" + unique();
        setup.putTemplate(com.contactsynchub.setup.TemplateKind.CUSTOMER, templateCode,
                new com.contactsynchub.setup.RecordTemplate(templateCode, "Euro customers",
                        Map.of("currencyCode", "eur", "countryRegionCode", "DE", "customerPostingGroup", "EU")));
        try {
            var answer = withSetup(Map.of("customerNos", ownSeries("C")),
                    () -> answer(request("customer.creation.requested", contactNo, "templateCode", templateCode)));

            assertThat(answer.status()).isEqualTo("completed");
            String customerNo = answer.answer().path("recordNo").asText();
            FinanceRecord customer = erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow();
            assertThat(customer.fields()).containsEntry(CommonField.CURRENCY_CODE, "EUR")
                    .containsEntry(CommonField.COUNTRY_REGION_CODE, "DE").containsEntry(CommonField.CITY, "Berlin");
            assertThat(customer.finance()).containsEntry("customerPostingGroup", "EU");
            await().atMost(WAIT).untilAsserted(() -> assertThat(crm.find(contactNo).orElseThrow().fields())
                    .containsEntry(CommonField.CURRENCY_CODE, "EUR").containsEntry(CommonField.COUNTRY_REGION_CODE, "DE")
                    .containsEntry(CommonField.CITY, "Berlin"));
            assertThat(journal.forRecord("contact", contactNo, 50)).anySatisfy(entry -> {
                assertThat(entry.decision()).isEqualTo("update-sent");
                assertThat(entry.fieldsAfter()).contains("\"currencyCode\":\"EUR\"")
                        .contains("\"countryRegionCode\":\"DE\"").doesNotContain("city");
                assertThat(entry.detail()).contains("the template's values");
            });
            assertThat(commands("customer:" + customerNo, "customer.update")).isZero();
            assertThat(commands("contact:" + contactNo, "contact.update")).isEqualTo(1);
        } finally {
            setup.deleteTemplate(com.contactsynchub.setup.TemplateKind.CUSTOMER, templateCode);
        }
    }

    /** docs/domain.md 3 with 6: the contact's open sales quote made before it was a customer gets the new customer. */
    @Test
    void anOpenSalesQuoteOfTheContactGetsTheCustomerCreatedFromIt() {
        String contactNo = company("Fabrikam Quotes", Map.of(CommonField.CITY, "Atlanta"));
        ObjectNode quoteRequest = JsonNodeFactory.instance.objectNode();
        quoteRequest.put("type", "document.requested");
        quoteRequest.put("contactNo", contactNo);
        quoteRequest.put("documentType", "salesQuote");
        quoteRequest.putArray("lines").addObject().put("description", "Consulting").put("quantity", 3);
        var quote = answer(requests.send(quoteRequest));
        assertThat(quote.status()).isEqualTo("completed");
        String quoteNo = quote.answer().path("documentNo").asText();
        assertThat(erp.document(quoteNo).orElseThrow().customerNo()).isNull();

        String series = ownSeries("C");
        var created = withSetup(Map.of("customerNos", series),
                () -> answer(request("customer.creation.requested", contactNo)));
        assertThat(created.status()).isEqualTo("completed");
        String customerNo = created.answer().path("recordNo").asText();

        await().atMost(WAIT).until(() -> customerNo.equals(erp.document(quoteNo).orElseThrow().customerNo()));
    }

    @Test
    void aPersonOfACompanyGetsTheCustomerOfItsCompanyAStandalonePersonItsOwn() {
        String companyNo = company("Wide World", Map.of(CommonField.CITY, "Oslo"));
        String personNo = person("Eva Wide", companyNo, false);
        String loneNo = person("Sam Alone", null, false);
        String series = ownSeries("C");

        withSetup(Map.of("customerNos", series), () -> {
            var forCompany = answer(request("customer.creation.requested", personNo));
            assertThat(forCompany.status()).isEqualTo("completed");
            assertThat(forCompany.answer().path("contactNo").asText()).isEqualTo(companyNo);
            FinanceRecord customer = erp.find(FinanceKind.CUSTOMER, forCompany.answer().path("recordNo").asText())
                    .orElseThrow();
            assertThat(customer.fields()).containsEntry(CommonField.NAME, "Wide World");
            assertThat(customer.contactType()).isEqualTo("company");
            assertThat(links.findByContact(companyNo, LinkType.CUSTOMER)).isPresent();
            assertThat(links.findByContact(personNo)).isEmpty();

            var forPerson = answer(request("customer.creation.requested", loneNo));
            assertThat(forPerson.status()).isEqualTo("completed");
            assertThat(erp.find(FinanceKind.CUSTOMER, forPerson.answer().path("recordNo").asText()).orElseThrow()
                    .contactType()).isEqualTo("person");
        });
    }

    @Test
    void vendorsAndBankAccountsAreCreatedForCompanies() {
        String companyNo = company("Fourth Coffee", Map.of(CommonField.CITY, "Rome",
                CommonField.VAT_REGISTRATION_NO, "IT123", CommonField.SALESPERSON_CODE, "AB"));
        withSetup(Map.of("vendorNos", ownSeries("V"), "bankAccountNos", ownSeries("B")), () -> {
            var vendor = answer(request("vendor.creation.requested", companyNo, "templateCode", "DOMESTIC"));
            var bank = answer(request("bankAccount.creation.requested", companyNo));

            assertThat(vendor.status()).isEqualTo("completed");
            assertThat(bank.status()).isEqualTo("completed");
            FinanceRecord v = erp.find(FinanceKind.VENDOR, vendor.answer().path("recordNo").asText()).orElseThrow();
            assertThat(v.fields()).containsEntry(CommonField.NAME, "Fourth Coffee")
                    .containsEntry(CommonField.VAT_REGISTRATION_NO, "IT123")
                    .doesNotContainKey(CommonField.SALESPERSON_CODE);
            assertThat(v.finance()).containsEntry("vendorPostingGroup", "DOMESTIC");
            FinanceRecord b = erp.find(FinanceKind.BANK_ACCOUNT, bank.answer().path("recordNo").asText())
                    .orElseThrow();
            assertThat(b.fields()).containsEntry(CommonField.CITY, "Rome")
                    .doesNotContainKey(CommonField.VAT_REGISTRATION_NO);
            assertThat(links.findByContact(companyNo)).extracting(l -> l.status()).containsOnly(LinkStatus.ACTIVE)
                    .hasSize(2);
        });
    }

    @Test
    void everyRefusalOfACreationIsAnsweredWithBcsMessageAndCreatesNothing() {
        String companyNo = company("Proseware", Map.of());
        String personNo = person("Pat Proseware", companyNo, false);
        String loneNo = person("Lee Alone", null, false);
        String blockedNo = "CT" + unique();
        crm.create(blockedNo, "company", null, true, Map.of(CommonField.NAME, "Blocked"));
        awaitKnown(RecordType.CONTACT, blockedNo);
        String series = ownSeries("C");

        withSetup(Map.of("customerNos", series), () -> {
            String customerNo = answer(request("customer.creation.requested", companyNo)).answer().path("recordNo")
                    .asText();
            String already = "Contact " + companyNo + " already has a Customer with No. " + customerNo + ".";
            assertThat(rejection(request("customer.creation.requested", companyNo))).isEqualTo(already);
            assertThat(rejection(request("customer.creation.requested", personNo))).isEqualTo(already);
        });
        assertThat(rejection(request("vendor.creation.requested", blockedNo)))
                .isEqualTo("You cannot use contact " + blockedNo + " because they are marked as blocked due to privacy.");
        withSetup(Map.of("busRelCodeForVendors", ""), () -> assertThat(rejection(request(
                "vendor.creation.requested", companyNo)))
                .isEqualTo("Bus. Rel. Code for Vendors must have a value in Marketing Setup."));
        assertThat(rejection(request("vendor.creation.requested", loneNo)))
                .isEqualTo("Company No. must have a value in Contact " + loneNo + ".");
        assertThat(rejection(request("bankAccount.creation.requested", loneNo)))
                .isEqualTo("Company No. must have a value in Contact " + loneNo + ".");
        assertThat(rejection(request("vendor.creation.requested", companyNo, "templateCode", "gold")))
                .isEqualTo("The Vendor Templ. does not exist. Identification fields and values: Code='GOLD'");
        withSetup(Map.of("bankAccountNos", ""), () -> assertThat(rejection(request(
                "bankAccount.creation.requested", companyNo)))
                .isEqualTo("Bank Account Nos. must have a value in Marketing Setup."));

        assertThat(links.findByContact(companyNo)).extracting(l -> l.linkType()).containsExactly(LinkType.CUSTOMER);
        assertThat(links.findByContact(loneNo)).isEmpty();
        assertThat(links.findByContact(blockedNo)).isEmpty();
        assertThat(decisions("contact", loneNo)).contains("creation-refused");
    }

    @Test
    void aFinanceRejectionIsAnsweredWithItsReasonAndLeavesNoLink() {
        String contactNo = company("Lucerne", Map.of());
        String series = ownSeries("C");
        // the finance system already has the number the series hands out next
        String taken = numberSeries.find(series).orElseThrow().startingNo();
        erp.create(FinanceKind.CUSTOMER, taken, "company", Map.of(CommonField.NAME, "Someone else"), Map.of());
        awaitKnown(RecordType.CUSTOMER, taken);

        String reason = withSetup(Map.of("customerNos", series),
                () -> rejection(request("customer.creation.requested", contactNo)));

        assertThat(reason).isEqualTo("Customer " + taken + " already exists.");
        assertThat(links.findByContact(contactNo)).isEmpty();
        assertThat(links.findByRecord(LinkType.CUSTOMER, taken)).isEmpty();
        assertThat(decisions("contact", contactNo)).contains("creation-rejected");
        assertThat(erp.find(FinanceKind.CUSTOMER, taken).orElseThrow().fields().get(CommonField.NAME))
                .isEqualTo("Someone else");
    }
}
