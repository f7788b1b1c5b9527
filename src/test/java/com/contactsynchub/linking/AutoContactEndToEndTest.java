package com.contactsynchub.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.Contact;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.erp.FinanceKind;

/**
 * A contact for every new customer, vendor and bank account of the finance system (docs/domain.md 5). The test profile
 * leaves Contact Nos. blank (application-test.yml), so each test sets it and restores it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AutoContactEndToEndTest extends LinkingTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @Test
    void aNewPersonCustomerGetsAPersonContactLinkedAndKeptInStepBothWays() {
        withSetup(Map.of("contactNos", ownSeries("K")), () -> {
            String customerNo = "C" + unique();
            erp.create(FinanceKind.CUSTOMER, customerNo, "person",
                    Map.of(CommonField.NAME, "Jo Walker", CommonField.CITY, "Leeds", CommonField.EMAIL, "jo@x.example"),
                    Map.of());

            Link link = awaitActiveLink(LinkType.CUSTOMER, customerNo);
            Contact contact = crm.find(link.contactNo()).orElseThrow();
            assertThat(contact.contactType()).isEqualTo("person");
            assertThat(contact.fields()).containsEntry(CommonField.NAME, "Jo Walker")
                    .containsEntry(CommonField.CITY, "Leeds").containsEntry(CommonField.EMAIL, "jo@x.example");
            assertThat(decisions("customer", customerNo)).contains("auto-contact-requested",
                    "contact-created-automatically");

            erp.change(FinanceKind.CUSTOMER, customerNo, Map.of(CommonField.CITY, "York"), Map.of(), null);
            await().atMost(WAIT).until(() -> "York".equals(
                    crm.find(link.contactNo()).orElseThrow().fields().get(CommonField.CITY)));
            crm.change(link.contactNo(), ContactChange.ofFields(Map.of(CommonField.PHONE_NO, "+44 113 555")));
            await().atMost(WAIT).until(() -> "+44 113 555".equals(
                    erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields().get(CommonField.PHONE_NO)));
            assertThat(commands("contact:" + link.contactNo(), "contact.create")).isEqualTo(1);
            assertThat(commands("contact:" + link.contactNo(), "contact.update")).isEqualTo(1);
            assertThat(commands("customer:" + customerNo, "customer.update")).isEqualTo(1);
        });
    }

    /**
     * Business Central's Retry on its synchronisation errors, over the admin API: the automatic contact that failed
     * for a blank Contact Nos. is listed, fails again while the setup is unchanged, and after the fix gets its
     * contact, once, however often it is retried.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aFailedAutomaticContactIsListedAndRetriedOnceTheSetupIsFixedAndOnlyOnce() {
        String customerNo = "C" + unique();
        erp.create(FinanceKind.CUSTOMER, customerNo, "company", Map.of(CommonField.NAME, "Retry Traders"), Map.of());
        awaitDecision("customer", customerNo, "auto-contact-failed");
        java.util.function.Supplier<Map<String, Object>> error = () -> ((java.util.List<Map<String, Object>>) http
                .getForObject("/api/sync-errors", java.util.List.class)).stream()
                .filter(e -> customerNo.equals(e.get("recordNo"))).findFirst().orElseThrow();
        assertThat(error.get()).containsEntry("recordType", "customer").containsEntry("open", true)
                .containsEntry("decision", "auto-contact-failed");
        assertThat((String) error.get().get("reason")).endsWith("Contact Nos. must have a value in Marketing Setup.");
        Number id = (Number) error.get().get("id");

        Map<String, Object> stillFailing = http.postForObject("/api/sync-errors/" + id + "/retry", null, Map.class);
        assertThat(stillFailing).containsEntry("retried", false);

        withSetup(Map.of("contactNos", ownSeries("K")), () -> {
            Map<String, Object> all = http.postForObject("/api/sync-errors/retry-all", null, Map.class);
            assertThat(((Number) all.get("retried")).intValue()).isGreaterThanOrEqualTo(1);
            Link link = awaitActiveLink(LinkType.CUSTOMER, customerNo);
            assertThat(crm.find(link.contactNo()).orElseThrow().fields()).containsEntry(CommonField.NAME,
                    "Retry Traders");

            Map<String, Object> again = http.postForObject("/api/sync-errors/" + id + "/retry", null, Map.class);
            assertThat(again).containsEntry("retried", false);
            assertThat((String) again.get("message")).contains("nothing to retry");
            assertThat(error.get()).containsEntry("open", false);
            assertThat(commands("contact:" + link.contactNo(), "contact.create")).isEqualTo(1);
        });
        assertThat(http.postForEntity("/api/sync-errors/999999999/retry", null, Map.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void vendorsAndBankAccountsGetCompanyContacts() {
        withSetup(Map.of("contactNos", ownSeries("K")), () -> {
            String vendorNo = "V" + unique();
            String bankNo = "B" + unique();
            erp.create(FinanceKind.VENDOR, vendorNo, null, Map.of(CommonField.NAME, "Graphic Design Institute"),
                    Map.of());
            erp.create(FinanceKind.BANK_ACCOUNT, bankNo, null, Map.of(CommonField.NAME, "World Bank"), Map.of());

            Contact vendorContact = crm.find(awaitActiveLink(LinkType.VENDOR, vendorNo).contactNo()).orElseThrow();
            Contact bankContact = crm.find(awaitActiveLink(LinkType.BANK_ACCOUNT, bankNo).contactNo()).orElseThrow();
            assertThat(vendorContact.contactType()).isEqualTo("company");
            assertThat(vendorContact.fields()).containsEntry(CommonField.NAME, "Graphic Design Institute");
            assertThat(bankContact.contactType()).isEqualTo("company");
            assertThat(bankContact.fields()).containsEntry(CommonField.NAME, "World Bank");
        });
    }

    @Test
    void withoutTheBusinessRelationCodeNoContactIsCreated() {
        withSetup(Map.of("contactNos", ownSeries("K"), "busRelCodeForVendors", ""), () -> {
            String vendorNo = "V" + unique();
            erp.create(FinanceKind.VENDOR, vendorNo, null, Map.of(CommonField.NAME, "Off"), Map.of());
            awaitDecision("vendor", vendorNo, "auto-contact-skipped");
            assertThat(links.findByRecord(LinkType.VENDOR, vendorNo)).isEmpty();
        });
    }

    @Test
    void withoutContactNosNothingIsCreatedAndTheJournalNamesTheSetting() {
        String customerNo = "C" + unique();
        int contactsBefore = crm.list().size();
        erp.create(FinanceKind.CUSTOMER, customerNo, "company", Map.of(CommonField.NAME, "No Series Ltd"), Map.of());

        awaitDecision("customer", customerNo, "auto-contact-failed");
        assertThat(journal.forRecord("customer", customerNo, 10)).filteredOn(e -> e.decision()
                .equals("auto-contact-failed")).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("Contact Nos. must have a value in Marketing Setup."));
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isEmpty();
        assertThat(crm.list()).hasSize(contactsBefore);
        assertThat(known.find(RecordType.CUSTOMER, customerNo)).isPresent();
    }

    private Link awaitActiveLink(LinkType type, String recordNo) {
        await().atMost(WAIT).until(() -> links.findByRecord(type, recordNo)
                .filter(l -> l.status() == LinkStatus.ACTIVE).isPresent());
        return links.findByRecord(type, recordNo).orElseThrow();
    }
}
