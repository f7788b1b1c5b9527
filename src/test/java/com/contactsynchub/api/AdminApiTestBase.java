package com.contactsynchub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The admin API of number series, setup and links through HTTP on a whole hub, started with the demo setup of
 * application.yml. Subclasses run it on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AdminApiTestBase {

    @Autowired
    TestRestTemplate http;
    @Autowired
    KnownRecords knownRecords;
    @Autowired
    LinkRegistry links;

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> exchange(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    private static void assertProblem(ResponseEntity<?> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSetupStartsAsConfiguredInApplicationYml() {
        Map<String, Object> setup = http.getForObject("/api/setup", Map.class);
        assertThat(setup).containsEntry("busRelCodeForCustomers", "CUST").containsEntry("busRelCodeForVendors", "VEND")
                .containsEntry("busRelCodeForBankAccounts", "BANK").containsEntry("contactNos", "CONT")
                .containsEntry("customerNos", "CUST").containsEntry("conflictPolicy", "latest-wins");
        assertThat((Map<String, String>) setup.get("interactionTemplates")).containsEntry("salesQuote", "SQUOTE");
        List<Map<String, Object>> templates = (List<Map<String, Object>>) setup.get("customerTemplates");
        assertThat(templates).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("code", "DOMESTIC");
            assertThat((Map<String, String>) t.get("values")).containsEntry("customerPostingGroup", "DOMESTIC")
                    .containsEntry("paymentTermsCode", "30 DAYS");
        });
        Map<String, Object> cont = http.getForObject("/api/number-series/cont", Map.class);
        assertThat(cont).containsEntry("code", "CONT").containsEntry("startingNo", "CT000001")
                .containsEntry("incrementBy", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadSetupIsRefusedWithEveryProblem() {
        var response = exchange(HttpMethod.PUT, "/api/setup", """
                {"busRelCodeForCustomers": "CUSTOMERS-TOO-LONG", "contactNos": "CONTX",
                 "customerTemplates": [{"code": "X", "values": {"currencyCode": "EURO-DOLLARS"}}], "conflictPolicy": "first-wins"}
                """);
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat((List<String>) response.getBody().get("problems")).containsExactlyInAnyOrder(
                "busRelCodeForCustomers: 18 characters, at most 10 allowed",
                "contactNos: number series CONTX does not exist",
                "customerTemplates[X].values.currencyCode: 12 characters, at most 10 allowed",
                "conflictPolicy: first-wins is not one of latest-wins, contact-wins, finance-wins, manual");
        assertThat(http.getForObject("/api/setup", Map.class)).containsEntry("contactNos", "CONT");

        assertProblem(exchange(HttpMethod.PUT, "/api/setup", "{not json"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void templatesCanBeCreatedReadChangedAndDeleted() {
        var created = exchange(HttpMethod.PUT, "/api/setup/vendor-templates/export",
                "{\"description\": \"Export\", \"values\": {\"vendorPostingGroup\": \"FOREIGN\"}}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("code", "EXPORT");
        assertThat(exchange(HttpMethod.PUT, "/api/setup/vendor-templates/EXPORT",
                "{\"description\": \"Export 2\", \"values\": {}}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForObject("/api/setup/vendor-templates/EXPORT", Map.class))
                .containsEntry("description", "Export 2");

        assertProblem(exchange(HttpMethod.PUT, "/api/setup/vendor-templates/BAD",
                "{\"values\": {\"salespersonCode\": \"x\"}}"),
                HttpStatus.BAD_REQUEST);
        assertThat(exchange(HttpMethod.DELETE, "/api/setup/vendor-templates/export", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        var gone = exchange(HttpMethod.GET, "/api/setup/vendor-templates/EXPORT", null);
        assertProblem(gone, HttpStatus.NOT_FOUND);
        assertThat(gone.getBody()).containsEntry("detail", "The vendor template EXPORT does not exist.");
        assertProblem(exchange(HttpMethod.GET, "/api/setup/employee-templates/X", null), HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void numberSeriesCanBeCreatedAndChangedButNotWithBadValues() {
        var created = exchange(HttpMethod.PUT, "/api/number-series/ web ",
                "{\"description\": \"Web\", \"startingNo\": \"w0001\", \"endingNo\": \"W9999\"}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("code", "WEB").containsEntry("startingNo", "W0001")
                .containsEntry("incrementBy", 1);
        assertThat(exchange(HttpMethod.PUT, "/api/number-series/WEB",
                "{\"startingNo\": \"W0001\", \"incrementBy\": 5}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) (List<?>) http.getForObject("/api/number-series", List.class))
                .extracting(s -> s.get("code")).contains("CONT", "CUST", "VEND", "BANK", "WEB");

        var bad = exchange(HttpMethod.PUT, "/api/number-series/BAD", "{\"incrementBy\": 0}");
        assertProblem(bad, HttpStatus.BAD_REQUEST);
        assertThat((List<String>) bad.getBody().get("problems"))
                .containsExactlyInAnyOrder("startingNo: must have a value", "incrementBy: must be at least 1, was 0");
        var missing = exchange(HttpMethod.GET, "/api/number-series/NOPE", null);
        assertProblem(missing, HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("detail", "The number series NOPE does not exist.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void linksCanBeReadByRecordByContactAndBySearch() {
        contact("CT000510", "company", null);
        contact("CT000511", "person", "CT000510");
        links.link("CT000511", LinkType.CUSTOMER, "C00510");
        links.link("CT000510", LinkType.VENDOR, "V00510");

        Map<String, Object> byRecord = http.getForObject("/api/links/customer/C00510", Map.class);
        assertThat(byRecord).containsEntry("contactNo", "CT000510").containsEntry("linkType", "customer")
                .containsEntry("recordNo", "C00510").containsEntry("businessRelationCode", "CUST")
                .containsEntry("status", "active");
        assertThat((List<Map<String, Object>>) (List<?>) http.getForObject("/api/contacts/CT000511/links", List.class))
                .extracting(l -> l.get("recordNo")).containsExactly("C00510", "V00510");
        Map<String, Object> page = http.getForObject("/api/links?contactNo=CT000510&linkType=vendor&size=10",
                Map.class);
        assertThat(page).containsEntry("total", 1).containsEntry("size", 10);

        var lowerCase = exchange(HttpMethod.GET, "/api/links/customer/c00510", null);
        assertProblem(lowerCase, HttpStatus.BAD_REQUEST);
        assertThat(lowerCase.getBody()).containsEntry("detail", "recordNo: 'c00510' has lower-case letters; record "
                + "numbers are Code values and must be upper case");
        var unknownType = exchange(HttpMethod.GET, "/api/links/employee/E1", null);
        assertProblem(unknownType, HttpStatus.BAD_REQUEST);
        var notLinked = exchange(HttpMethod.GET, "/api/links/bankAccount/B99999", null);
        assertProblem(notLinked, HttpStatus.NOT_FOUND);
        assertThat(notLinked.getBody()).containsEntry("detail", "Bank Account B99999 is not linked to a contact.");
        assertProblem(exchange(HttpMethod.GET, "/api/links?size=0", null), HttpStatus.BAD_REQUEST);
        assertProblem(exchange(HttpMethod.GET, "/api/links?page=x", null), HttpStatus.BAD_REQUEST);
    }

    private void contact(String no, String type, String companyNo) {
        knownRecords.save(new KnownRecord(RecordType.CONTACT, no, type, companyNo, false, false, 1L,
                OffsetDateTime.now(), JsonNodeFactory.instance.objectNode()));
    }
}
