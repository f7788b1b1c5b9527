package com.contactsynchub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one rule for record numbers on every inbound message: a number with lower-case letters or a blank at either
 * end is refused as invalid, naming the field and the value, never changed (docs/messages.md, "Record numbers").
 */
class RecordNumberRuleTest {

    private static final MessageValidator validator = new MessageValidator();
    private static final ObjectMapper mapper = new ObjectMapper();

    private static final String LOWER_CASE = "D80158C19a";

    /** One valid inbound message per type and key field: {channel, message, field path}. */
    static Stream<Arguments> keyFields() {
        String crm = "\"occurredAt\":\"2026-11-25T09:30:00Z\",\"source\":\"crm\"";
        String erp = "\"occurredAt\":\"2026-11-25T09:30:00Z\",\"source\":\"erp\"";
        List<Arguments> cases = new ArrayList<>();
        String contactCreated = "{\"messageId\":\"m\",\"type\":\"contact.created\"," + crm
                + ",\"contactNo\":\"CT000002\",\"contactType\":\"person\",\"companyNo\":\"CT000001\",\"fields\":{}}";
        cases.add(Arguments.of(Channel.CRM_EVENTS, contactCreated, "contactNo"));
        cases.add(Arguments.of(Channel.CRM_EVENTS, contactCreated, "companyNo"));
        String contactChanged = contactCreated.replace("contact.created", "contact.changed");
        cases.add(Arguments.of(Channel.CRM_EVENTS, contactChanged, "contactNo"));
        cases.add(Arguments.of(Channel.CRM_EVENTS, contactChanged, "companyNo"));
        cases.add(Arguments.of(Channel.CRM_EVENTS, "{\"messageId\":\"m\",\"type\":\"contact.deleted\"," + crm
                + ",\"contactNo\":\"CT000002\"}", "contactNo"));
        String link = "{\"messageId\":\"m\",\"type\":\"link.requested\"," + crm + ",\"contactNo\":\"CT000001\","
                + "\"linkType\":\"customer\",\"recordNo\":\"C00010\",\"master\":\"contact\"}";
        cases.add(Arguments.of(Channel.CRM_EVENTS, link, "contactNo"));
        cases.add(Arguments.of(Channel.CRM_EVENTS, link, "recordNo"));
        cases.add(Arguments.of(Channel.CRM_EVENTS, "{\"messageId\":\"m\",\"type\":\"unlink.requested\"," + crm
                + ",\"contactNo\":\"CT000001\",\"linkType\":\"vendor\"}", "contactNo"));
        for (String type : List.of("customer", "vendor", "bankAccount")) {
            cases.add(Arguments.of(Channel.CRM_EVENTS, "{\"messageId\":\"m\",\"type\":\"" + type
                    + ".creation.requested\"," + crm + ",\"contactNo\":\"CT000001\"}", "contactNo"));
        }
        String documentRequested = "{\"messageId\":\"m\",\"type\":\"document.requested\"," + crm
                + ",\"contactNo\":\"CT000001\",\"documentType\":\"salesQuote\","
                + "\"lines\":[{\"itemNo\":\"1000\",\"quantity\":1}]}";
        cases.add(Arguments.of(Channel.CRM_EVENTS, documentRequested, "contactNo"));
        cases.add(Arguments.of(Channel.CRM_EVENTS, documentRequested, "lines[0].itemNo"));
        for (Channel channel : List.of(Channel.CRM_EVENTS, Channel.ERP_EVENTS)) {
            String source = channel == Channel.CRM_EVENTS ? crm : erp;
            cases.add(Arguments.of(channel, "{\"messageId\":\"m\",\"type\":\"command.acknowledged\"," + source
                    + ",\"commandId\":\"c\",\"status\":\"applied\",\"recordNo\":\"C00010\"}", "recordNo"));
        }
        for (String[] kind : new String[][] {{"customer", "customerNo", "C00010"}, {"vendor", "vendorNo", "V00010"},
                {"bankAccount", "bankAccountNo", "B00010"}}) {
            for (String event : List.of("created", "changed")) {
                cases.add(Arguments.of(Channel.ERP_EVENTS, "{\"messageId\":\"m\",\"type\":\"" + kind[0] + "." + event
                        + "\"," + erp + ",\"" + kind[1] + "\":\"" + kind[2] + "\",\"fields\":{}}", kind[1]));
            }
            cases.add(Arguments.of(Channel.ERP_EVENTS, "{\"messageId\":\"m\",\"type\":\"" + kind[0] + ".deleted\","
                    + erp + ",\"" + kind[1] + "\":\"" + kind[2] + "\"}", kind[1]));
        }
        for (String type : List.of("document.printed", "document.emailed")) {
            String sales = "{\"messageId\":\"m\",\"type\":\"" + type + "\"," + erp + ",\"documentNo\":\"SI000001\","
                    + "\"documentType\":\"salesInvoice\",\"customerNo\":\"C00010\",\"contactNo\":\"CT000002\"}";
            cases.add(Arguments.of(Channel.ERP_EVENTS, sales, "documentNo"));
            cases.add(Arguments.of(Channel.ERP_EVENTS, sales, "customerNo"));
            cases.add(Arguments.of(Channel.ERP_EVENTS, sales, "contactNo"));
            String purchase = "{\"messageId\":\"m\",\"type\":\"" + type + "\"," + erp + ",\"documentNo\":\"PO000001\","
                    + "\"documentType\":\"purchaseOrder\",\"vendorNo\":\"V00010\"}";
            cases.add(Arguments.of(Channel.ERP_EVENTS, purchase, "vendorNo"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} of {1}")
    @MethodSource("keyFields")
    void theMessageWithAnUpperCaseNumberIsValid(Channel channel, String message, String field) {
        assertThat(validator.validate(message, channel)).isInstanceOf(Validation.Valid.class);
    }

    @ParameterizedTest(name = "{2} of {1}")
    @MethodSource("keyFields")
    void aNumberWithLowerCaseLettersIsRefusedNamingTheFieldAndTheValue(Channel channel, String message, String field) {
        assertThat(reason(validator.validate(withValue(message, field, LOWER_CASE), channel))).isEqualTo(
                field + ": 'D80158C19a' has lower-case letters; record numbers are Code values and must be upper case");
    }

    @ParameterizedTest(name = "{2} of {1}")
    @MethodSource("keyFields")
    void aNumberWithABlankAtEitherEndIsRefused(Channel channel, String message, String field) {
        for (String value : List.of(" C10", "C10 ", "C10\u00a0")) {
            assertThat(reason(validator.validate(withValue(message, field, value), channel))).isEqualTo(
                    field + ": '" + value + "' has leading or trailing blanks; record numbers are Code values and "
                            + "must not have them");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CT000001", "C-10.2", "C-10_2", "30 DAYS", "ÄÖÜ1", "1000", "X", "A&B+C:D"})
    void upperCaseDigitsSignsAndInnerBlanksAreFine(String value) {
        assertThat(RecordNumbers.problem("contactNo", value)).isEmpty();
        assertThat(validator.validate(withValue("""
                {"messageId":"m","type":"contact.deleted","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT1"}""", "contactNo", value), Channel.CRM_EVENTS))
                .isInstanceOf(Validation.Valid.class);
    }

    @ParameterizedTest(name = "{2} of {1}")
    @MethodSource("keyFields")
    void aNumberWithACharacterAPathCannotCarryIsRefused(Channel channel, String message, String field) {
        for (String value : List.of("C-10/2", "C\\1", "C;1", "C%2F", "C?1", "C#1")) {
            assertThat(reason(validator.validate(withValue(message, field, value), channel))).isEqualTo(
                    field + ": '" + value + "' has '" + value.replaceAll("[A-Z0-9-]", "").charAt(0)
                            + "'; record numbers may not hold any of / \\ ; % ? # (they could not be named in the "
                            + "admin API's paths)");
        }
    }

    @Test
    void aNullCompanyStillMeansNoCompany() {
        assertThat(validator.validate("""
                {"messageId":"m","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT000002","companyNo":null,"fields":{}}""", Channel.CRM_EVENTS))
                .isInstanceOf(Validation.Valid.class);
    }

    @Test
    void lengthAndControlCharactersKeepTheirOwnReasons() {
        String message = """
                {"messageId":"m","type":"customer.deleted","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"C1"}""";
        assertThat(reason(validator.validate(withValue(message, "customerNo", "C".repeat(21)), Channel.ERP_EVENTS)))
                .isEqualTo("customerNo: 21 characters, the limit is 20");
        assertThat(reason(validator.validate(withValue(message, "customerNo", "C1\u001b"), Channel.ERP_EVENTS)))
                .isEqualTo("customerNo: contains a control character");
        assertThat(reason(validator.validate(withValue(message, "customerNo", ""), Channel.ERP_EVENTS)))
                .isEqualTo("customerNo: must not be empty");
    }

    @Test
    void theSchemaAndTheJavaRuleAreTheSamePattern() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/common.schema.json")) {
            JsonNode defs = mapper.readTree(in).path("$defs");
            for (String name : new String[] {"recordNo", "recordNoOrNull"}) {
                assertThat(defs.path(name).path("pattern").asText()).as(name).isEqualTo(RecordNumbers.SCHEMA_PATTERN);
                assertThat(defs.path(name).path("maxLength").asInt()).as(name).isEqualTo(RecordNumbers.MAX_LENGTH);
            }
        }
    }

    @Test
    void theJavaRuleWordsEachProblem() {
        assertThat(RecordNumbers.problem("recordNo", null)).contains("recordNo: must have a value");
        assertThat(RecordNumbers.problem("recordNo", "c10")).contains(
                "recordNo: 'c10' has lower-case letters; record numbers are Code values and must be upper case");
        assertThat(RecordNumbers.problem("No.", "C10 ")).contains(
                "No.: 'C10 ' has leading or trailing blanks; record numbers are Code values and must not have them");
        assertThat(RecordNumbers.problem("recordNo", "é1")).isPresent();
    }

    /** The message with the value at the path ({@code companyNo}, {@code lines[0].itemNo}) replaced. */
    private static String withValue(String message, String path, String value) {
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(message);
            ObjectNode parent = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                String part = parts[i];
                int bracket = part.indexOf('[');
                ArrayNode array = (ArrayNode) parent.get(part.substring(0, bracket));
                parent = (ObjectNode) array.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
            parent.put(parts[parts.length - 1], value);
            return mapper.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(Validation result) {
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).reason();
    }
}
