package com.contactsynchub.link.request;

import com.contactsynchub.support.DemoEndToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.erp.FinanceKind;

/** The admin API's linking calls put requests on crm.events; the hub answers them as any other request. */
@DemoEndToEnd
class LinkingApiEndToEndTest extends LinkingTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("rawtypes")
    void linkUnlinkAndCreateThroughTheApi() {
        String contactNo = company("Blue Yonder", Map.of(CommonField.CITY, "Berlin"));
        String customerNo = financeRecord(FinanceKind.CUSTOMER, "C", Map.of(CommonField.NAME, "Blue Yonder AG"));

        ResponseEntity<Map> linked = call(HttpMethod.POST, "/api/links", """
                {"contactNo": "%s", "linkType": "customer", "recordNo": "%s", "master": "contact"}
                """.formatted(contactNo, customerNo));
        assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer((String) linked.getBody().get("messageId")).status()).isEqualTo("completed");
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isPresent();

        ResponseEntity<Map> unlinked = call(HttpMethod.DELETE, "/api/links/customer/" + customerNo, null);
        assertThat(unlinked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer((String) unlinked.getBody().get("messageId")).status()).isEqualTo("completed");
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isEmpty();

        withSetup(Map.of("vendorNos", ownSeries("V")), () -> {
            ResponseEntity<Map> vendor = call(HttpMethod.POST, "/api/contacts/" + contactNo + "/vendor",
                    "{\"templateCode\": \"DOMESTIC\"}");
            assertThat(vendor.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            var answer = answer((String) vendor.getBody().get("messageId"));
            assertThat(answer.status()).isEqualTo("completed");
            assertThat(erp.find(FinanceKind.VENDOR, answer.answer().path("recordNo").asText())).isPresent();
        });
        ResponseEntity<Map> refused = call(HttpMethod.POST, "/api/contacts/" + contactNo + "/vendor", null);
        assertThat(rejection((String) refused.getBody().get("messageId"))).startsWith("Contact " + contactNo
                + " already has a Vendor with No. ");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void badInputIsRefusedAtOnceNamingTheField() {
        ResponseEntity<Map> bad = call(HttpMethod.POST, "/api/links",
                "{\"contactNo\": \"CT1\", \"linkType\": \"supplier\", \"recordNo\": \"V1\", \"master\": \"contact\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").toString()).contains("linkType");
        ResponseEntity<Map> notLinked = call(HttpMethod.DELETE, "/api/links/vendor/V-NOT-LINKED", null);
        assertThat(notLinked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notLinked.getBody().get("detail")).isEqualTo("Vendor V-NOT-LINKED is not linked to a contact.");
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> call(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }
}
