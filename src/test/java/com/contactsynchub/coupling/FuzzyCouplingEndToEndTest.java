package com.contactsynchub.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.intake.IntakeResult;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;

/**
 * The fuzzy name rule through a whole hub, configured as an operator would (the list replaces the defaults): names
 * with a typo in the same post code are proposed, a similar name in another post code is not, two similar contacts
 * are ambiguous, and the threshold decides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.coupling.rules[0].name=fuzzy-name", "hub.coupling.rules[0].fuzzy-threshold=0.85",
        "hub.coupling.rules[0].fields[0].field=name", "hub.coupling.rules[0].fields[0].normaliser=company-name",
        "hub.coupling.rules[0].fields[1].field=postCode", "hub.coupling.rules[0].fields[1].normaliser=alphanumeric"})
@ActiveProfiles("test")
class FuzzyCouplingEndToEndTest {

    @Autowired
    EventIntake intake;
    @Autowired
    SetupService setup;
    @Autowired
    LinkRegistry links;
    @Autowired
    TestRestTemplate http;

    @Test
    void typosInTheSamePostCodeAreProposedAndLinked() {
        String u = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        MarketingSetup before = setup.current();
        setup.replace(new MarketingSetup(before.busRelCodeForCustomers(), before.busRelCodeForVendors(),
                before.busRelCodeForBankAccounts(), "", before.customerNos(), before.vendorNos(),
                before.bankAccountNos(), before.customerTemplates(), before.vendorTemplates(),
                before.interactionTemplates(), before.conflictPolicy(), null));
        try {
            contact("F" + u + "1", "Northwind Traders Ltd", "98052");
            contact("F" + u + "2", "Southridge Video", "98052");
            contact("F" + u + "3", "Wingtip Toys", "10001");
            contact("F" + u + "4", "Wingtip Toyz", "10001");
            contact("F" + u + "5", "Proseware", "30301");
            customer("G" + u + "1", "Nortwind Traders", "98052"); // a typo: proposed
            customer("G" + u + "2", "Southridge Vidoe Inc.", "98052"); // two letters swapped: proposed
            customer("G" + u + "3", "Wingtip Toys", "10001"); // two contacts similar enough: ambiguous
            customer("G" + u + "4", "Northwind Traders", "11111"); // another post code: unmatched
            customer("G" + u + "5", "Proseware Solutions", "30301"); // too different: unmatched
        } finally {
            setup.replace(before);
        }

        Map<?, ?> started = http.postForObject("/api/couplings", Map.of("dryRun", false), Map.class);
        String id = (String) started.get("couplingId");
        await().atMost(Duration.ofSeconds(60)).until(() -> "done".equals(http.getForObject("/api/couplings/" + id,
                Map.class).get("state")));
        Map<?, ?> run = http.getForObject("/api/couplings/" + id, Map.class);
        assertThat(run.get("rules")).isEqualTo("fuzzy-name: name (company-name) + postCode (alphanumeric), first "
                + "field similar at least 0.85");
        Map<String, String> line = new HashMap<>();
        for (String l : http.getForObject("/api/couplings/" + id + "/report", String.class).split("\n")) {
            String[] parts = l.split(" \\| ");
            if (parts.length == 7 && parts[0].startsWith("G" + u)) {
                line.put(parts[0], parts[2] + " " + parts[3] + " " + parts[4]);
            }
        }
        assertThat(line).containsEntry("G" + u + "1", "proposed fuzzy-name F" + u + "1")
                .containsEntry("G" + u + "2", "proposed fuzzy-name F" + u + "2")
                .containsEntry("G" + u + "3", "ambiguous fuzzy-name F" + u + "3, F" + u + "4")
                .containsEntry("G" + u + "4", "unmatched - -")
                .containsEntry("G" + u + "5", "unmatched - -");
        assertThat(links.findByRecord(LinkType.CUSTOMER, "G" + u + "1")).get()
                .satisfies(l -> assertThat(l.contactNo()).isEqualTo("F" + u + "1"));
        assertThat(links.findByRecord(LinkType.CUSTOMER, "G" + u + "2")).isPresent();
        assertThat(links.findByRecord(LinkType.CUSTOMER, "G" + u + "3")).isEmpty();

        ResponseEntity<Map> again = http.postForEntity("/api/couplings/" + id + "/apply", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private void contact(String no, String name, String postCode) {
        receive("{\"messageId\":\"" + UUID.randomUUID() + "\",\"type\":\"contact.created\",\"occurredAt\":\""
                + "2026-12-01T10:00:00Z\",\"source\":\"crm\",\"contactNo\":\"" + no + "\",\"contactType\":\"company\","
                + "\"fields\":{\"name\":\"" + name + "\",\"postCode\":\"" + postCode + "\"}}", Channel.CRM_EVENTS);
    }

    private void customer(String no, String name, String postCode) {
        receive("{\"messageId\":\"" + UUID.randomUUID() + "\",\"type\":\"customer.created\",\"occurredAt\":\""
                + "2026-12-01T10:00:00Z\",\"source\":\"erp\",\"customerNo\":\"" + no + "\",\"contactType\":\"company\","
                + "\"fields\":{\"name\":\"" + name + "\",\"postCode\":\"" + postCode + "\"}}", Channel.ERP_EVENTS);
    }

    private void receive(String body, Channel channel) {
        IntakeResult result = intake.receive(body, channel);
        assertThat(result.isInvalid()).as(result.reason()).isFalse();
    }
}
