package com.contactsynchub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The field table lives twice (Java and JSON Schema); this keeps the two identical. */
class CommonFieldSchemaTest {

    private static JsonNode common() throws IOException {
        try (InputStream in = CommonFieldSchemaTest.class.getResourceAsStream("/schemas/common.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void eachRecordTypesSchemaHasExactlyTheFieldsAndLengthsOfTheTable() throws IOException {
        JsonNode defs = common().get("$defs");
        for (RecordType type : RecordType.values()) {
            JsonNode properties = defs.get(type.wireName() + "Fields").get("properties");
            List<String> inSchema = new ArrayList<>();
            properties.fieldNames().forEachRemaining(inSchema::add);
            assertThat(inSchema).as(type.wireName())
                    .containsExactlyElementsOf(CommonField.of(type).stream().map(CommonField::fieldName).toList());
            for (CommonField field : CommonField.of(type)) {
                String ref = properties.get(field.fieldName()).get("$ref").asText();
                JsonNode def = defs.get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(def.get("maxLength").asInt()).as(field.fieldName()).isEqualTo(field.maxLength());
                assertThat(ref).as(field.fieldName()).contains(field.kind().name().toLowerCase());
            }
        }
    }

    @Test
    void vendorsAndBankAccountsHaveNoSalespersonCode() {
        assertThat(CommonField.SALESPERSON_CODE.appliesTo(RecordType.VENDOR)).isFalse();
        assertThat(CommonField.SALESPERSON_CODE.appliesTo(RecordType.BANK_ACCOUNT)).isFalse();
        assertThat(CommonField.VAT_REGISTRATION_NO.appliesTo(RecordType.BANK_ACCOUNT)).isFalse();
        assertThat(CommonField.of(RecordType.CONTACT)).hasSize(23);
    }

    @Test
    void everyMessageTypeHasASchemaNamedAfterIt() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (MessageType type : MessageType.values()) {
            try (InputStream in = getClass().getResourceAsStream("/" + type.schemaResource())) {
                assertThat(in).as(type.schemaResource()).isNotNull();
                JsonNode schema = json.readTree(in);
                assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type.wireName());
            }
        }
    }
}
