package com.contactsynchub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageValidatorTest {

    private static final MessageValidator validator = new MessageValidator();

    private static String contactChanged(String fieldsJson) {
        return """
                {"messageId":"m-1","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "version":3,"contactNo":"CT000001","fields":%s}""".formatted(fieldsJson);
    }

    @Test
    void aValidMessageIsReadWithItsEnvelope() {
        var result = validator.validate(contactChanged("{\"name\":\"Fabrikam\",\"phoneNo\":\"+44 20 7946 0000\"}"),
                Channel.CRM_EVENTS);

        assertThat(result).isInstanceOf(Validation.Valid.class);
        var message = ((Validation.Valid) result).message();
        assertThat(message.messageId()).isEqualTo("m-1");
        assertThat(message.type()).isEqualTo(MessageType.CONTACT_CHANGED);
        assertThat(message.recordType()).contains(RecordType.CONTACT);
        assertThat(message.recordNo()).isEqualTo("CT000001");
        assertThat(message.version()).isEqualTo(3L);
        assertThat(message.occurredAt()).hasToString("2026-11-25T09:30Z");
    }

    @Test
    void aValueLongerThanItsFieldNamesTheFieldTheLengthAndTheLimit() {
        var result = validator.validate(contactChanged("{\"name\":\"" + "x".repeat(101) + "\"}"), Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("fields.name: 101 characters, the limit is 100");
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        var result = validator.validate(contactChanged("{\"city\":\"" + "Ü".repeat(30) + "\"}"), Channel.CRM_EVENTS);

        assertThat(result).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void malformedJsonSaysWhere() {
        var result = validator.validate("{\"messageId\": \"m-1\", \"type\": ", Channel.CRM_EVENTS);

        assertThat(reason(result)).startsWith("the message is not valid JSON at line 1, column");
    }

    @Test
    void aMissingKeyIsNamed() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "fields":{}}""", Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("contactNo: is missing");
    }

    @Test
    void aMisspelledFieldIsRefusedRatherThanSilentlyIgnored() {
        var result = validator.validate(contactChanged("{\"phoneNumber\":\"123\"}"), Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("fields.phoneNumber: is not a field of this message type");
    }

    @Test
    void aFieldTheRecordTypeDoesNotShareIsRefused() {
        var result = validator.validate("""
                {"messageId":"m-2","type":"vendor.changed","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "vendorNo":"V00010","fields":{"salespersonCode":"JR"}}""", Channel.ERP_EVENTS);

        assertThat(reason(result)).isEqualTo("fields.salespersonCode: is not a field of this message type");
    }

    @Test
    void anUnknownTypeIsNamed() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.exploded","occurredAt":"2026-11-25T09:30:00Z","source":"crm"}""",
                Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("type: unknown message type 'contact.exploded'");
    }

    @Test
    void aTypeOnTheWrongQueueIsRefused() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"customer.changed","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"C00010","fields":{}}""", Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("type: 'customer.changed' is not accepted on crm.events (it travels on [erp.events])");
    }

    @Test
    void aDateWithoutOffsetIsRefused() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.deleted","occurredAt":"25/11/2026","source":"crm","contactNo":"CT1"}""",
                Channel.CRM_EVENTS);

        assertThat(reason(result)).startsWith("occurredAt: '25/11/2026' is not an ISO-8601 date-time with offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u001b[31m", "line\\nbreak"})
    void controlCharactersInFieldsAreRefused(String hostile) {
        var result = validator.validate(contactChanged("{\"name\":\"Fabrikam" + hostile + "\"}"), Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("fields.name: contains a control character");
    }

    @Test
    void hostileButPrintableTextIsJustText() {
        var result = validator.validate(contactChanged(
                "{\"name\":\"Robert'); DROP TABLE contact;--\",\"name2\":\"<script>alert(1)</script>\"}"),
                Channel.CRM_EVENTS);

        assertThat(result).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void everyProblemIsReported() {
        var result = validator.validate("""
                {"messageId":"","type":"contact.created","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "contactNo":"CT1","contactType":"robot","fields":{"email":"%s"}}""".formatted("e".repeat(81)),
                Channel.CRM_EVENTS);

        assertThat(((Validation.Invalid) result).problems()).containsExactlyInAnyOrder(
                "contactType: 'robot' is not one of [\"company\",\"person\"]",
                "fields.email: 81 characters, the limit is 80",
                "messageId: must not be empty",
                "source: must be 'crm'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1,2]", "\"text\"", "42"})
    void anythingButAJsonObjectIsRefused(String text) {
        assertThat(validator.validate(text, Channel.ERP_EVENTS)).isInstanceOf(Validation.Invalid.class);
    }

    @Test
    void aRejectedAcknowledgementNeedsAReason() {
        var result = validator.validate("""
                {"messageId":"a-1","type":"command.acknowledged","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "commandId":"c-1","status":"rejected"}""", Channel.ERP_EVENTS);

        assertThat(reason(result)).isEqualTo("reason: is missing");
    }

    private static String reason(Validation result) {
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).reason();
    }

    @Test
    void aVersionBeyondTheRangeOfALongIsRefusedInsteadOfWrapping() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "version":99999999999999999999999,"contactNo":"CT000001","fields":{}}""", Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("version: 99999999999999999999999 is out of range; it must be a whole "
                + "number from 0 to 9223372036854775807");
    }

    @Test
    void theLargestVersionIsFine() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "version":9223372036854775807,"contactNo":"CT000001","fields":{}}""", Channel.CRM_EVENTS);

        assertThat(((Validation.Valid) result).message().version()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheField() {
        assertThat(reason(validator.validate(contactChanged("{\"name\":\"a\\ud800b\"}"), Channel.CRM_EVENTS)))
                .isEqualTo("fields.name: has a lone UTF-16 surrogate (\\ud800) at character 2, which is not a "
                        + "character and cannot be stored; send valid Unicode text");
        // The same unescaped, as a Java string can carry it, and a low surrogate alone.
        assertThat(reason(validator.validate(contactChanged("{\"city\":\"x\uDC00\"}"), Channel.CRM_EVENTS)))
                .startsWith("fields.city: has a lone UTF-16 surrogate (\\udc00)");
    }

    @Test
    void aSurrogatePairIsJustACharacter() {
        assertThat(validator.validate(contactChanged("{\"name\":\"Caf\\ud83d\\ude00\"}"), Channel.CRM_EVENTS))
                .isInstanceOf(Validation.Valid.class);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKey() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.deleted","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT000001","contactNo":"CT000002"}""", Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("contactNo: the key appears more than once; each key may appear once");
    }

    @Test
    void aPrintedDocumentWithoutCustomerOrVendorNamesBoth() {
        String printed = """
                {"messageId":"m-1","type":"document.printed","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "documentNo":"SO1001","documentType":"salesOrder"%s}""";

        assertThat(reason(validator.validate(printed.formatted(""), Channel.ERP_EVENTS))).isEqualTo(
                "customerNo, vendorNo: exactly one of them must be present, not none and not several");
        assertThat(reason(validator.validate(printed.formatted(",\"customerNo\":\"C1\",\"vendorNo\":\"V1\""),
                Channel.ERP_EVENTS))).isEqualTo(
                "customerNo, vendorNo: exactly one of them must be present, not none and not several");
    }

    @Test
    void aDocumentLineWithoutItemOrDescriptionNamesBoth() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"document.requested","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT000001","documentType":"salesQuote","lines":[{"quantity":1}]}""", Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("lines[0].itemNo, lines[0].description: at least one of them must be present");
    }

    @Test
    void aWrongTypeOrValueSaysWhatIsExpected() {
        var result = validator.validate("""
                {"messageId":"m-1","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "version":"3","contactNo":"CT000001","contactType":"robot","fields":{}}""", Channel.CRM_EVENTS);

        assertThat(reason(result)).isEqualTo("contactType: 'robot' is not one of [\"company\",\"person\"]; "
                + "version: must be a whole number");
    }
}
