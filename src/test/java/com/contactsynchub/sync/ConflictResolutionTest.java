package com.contactsynchub.sync;

import com.contactsynchub.support.DemoEndToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jms.config.JmsListenerEndpointRegistry;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;

/** Under the manual policy a same-field conflict waits for an operator, who settles it through the API. */
@DemoEndToEnd
class ConflictResolutionTest {

    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    LinkRegistry links;
    @Autowired
    KnownRecords known;
    @Autowired
    SetupService setup;
    @Autowired
    JmsListenerEndpointRegistry listeners;
    @Autowired
    TestRestTemplate http;

    MarketingSetup original;

    @BeforeEach
    void manualPolicy() {
        original = setup.current();
        setup.replace(withPolicy(original, "manual"));
    }

    @AfterEach
    void restore() {
        listeners.getListenerContainer("reference-erp-commands").start();
        setup.replace(withPolicy(setup.current(), original.conflictPolicy()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aParkedConflictIsSettledByTheOperatorsChoiceOnEveryRecord() {
        String contactNo = "CT" + unique();
        String customerNo = "C" + unique();
        crm.create(contactNo, "company", null, false, Map.of(CommonField.CITY, "Atlanta"));
        erp.create(FinanceKind.CUSTOMER, customerNo, "company", Map.of(CommonField.CITY, "Atlanta"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent()
                && known.find(RecordType.CUSTOMER, customerNo).isPresent());
        links.link(contactNo, LinkType.CUSTOMER, customerNo);

        // The finance system is busy: the hub's update waits on erp.commands while its user edits the same field.
        listeners.getListenerContainer("reference-erp-commands").stop();
        crm.change(contactNo, ContactChange.ofFields(Map.of(CommonField.CITY, "Seattle")));
        await().atMost(Duration.ofSeconds(10)).until(() -> parked(contactNo).size() == 0 && pushed(contactNo));
        erp.change(FinanceKind.CUSTOMER, customerNo, Map.of(CommonField.CITY, "Denver"), Map.of(), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> parked(contactNo).size() == 1);
        listeners.getListenerContainer("reference-erp-commands").start();

        Map<?, ?> conflict = parked(contactNo).get(0);
        assertThat((Map<Object, Object>) conflict).containsEntry("field", "city").containsEntry("editedOn", "customer:" + customerNo)
                .containsEntry("editedValue", "Denver").containsEntry("otherValue", "Seattle");
        @SuppressWarnings("unchecked")
        var resolved = http.postForEntity("/api/conflicts/" + conflict.get("id") + "/resolution",
                Map.of("side", "edited"), (Class<Map<String, Object>>) (Class<?>) Map.class);

        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resolved.getBody()).containsEntry("status", "resolved").containsEntry("resolvedValue", "Denver");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "Denver".equals(crm.find(contactNo).orElseThrow().fields().get(CommonField.CITY))
                        && "Denver".equals(erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields()
                        .get(CommonField.CITY)));
        assertThat(http.postForEntity("/api/conflicts/" + conflict.get("id") + "/resolution",
                Map.of("side", "other"), String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.postForEntity("/api/conflicts/999999/resolution", Map.of("side", "other"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private boolean pushed(String contactNo) {
        return known.find(RecordType.CONTACT, contactNo).map(c -> "Seattle".equals(c.fields().path("city").asText()))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> parked(String contactNo) {
        List<Map<?, ?>> all = http.getForObject("/api/conflicts?status=parked", List.class);
        return all.stream().filter(c -> contactNo.equals(c.get("contactNo"))).toList();
    }

    private static MarketingSetup withPolicy(MarketingSetup s, String policy) {
        return new MarketingSetup(s.busRelCodeForCustomers(), s.busRelCodeForVendors(), s.busRelCodeForBankAccounts(),
                s.contactNos(), s.customerNos(), s.vendorNos(), s.bankAccountNos(), s.customerTemplates(),
                s.vendorTemplates(), s.interactionTemplates(), policy, s.version());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
