package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One edit changing every common field of a record reaches every linked record, in both directions and for each
 * link type: each field arrives (Code fields upper-cased and trimmed), a record gets only the fields its type has,
 * and after the echoes the system is quiet with exactly one command per counterpart record.
 */
@SyncEndToEnd
class SyncFieldsTest {

    @Autowired
    SyncTestSupport support;
    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    ObjectMapper mapper;

    @ParameterizedTest(name = "an edit of every field on the {0} reaches every linked record once")
    @EnumSource(RecordType.class)
    void anEditOfEveryFieldReachesEveryLinkedRecordOnce(RecordType editedType) throws Exception {
        SyncTestSupport.Group group = support.linkedGroup();
        RecordRef edited = editedType == RecordType.CONTACT ? group.contact()
                : group.financeRecords().stream().filter(r -> r.type() == editedType).findFirst().orElseThrow();
        List<RecordRef> others = java.util.stream.Stream.concat(java.util.stream.Stream.of(group.contact()),
                group.financeRecords().stream()).filter(r -> !r.equals(edited)).toList();
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        Map<CommonField, String> typed = SyncTestSupport.only(everyField(suffix), editedType);

        if (editedType == RecordType.CONTACT) {
            crm.change(edited.no(), ContactChange.ofFields(typed));
        } else {
            erp.change(SyncTestSupport.kind(editedType), edited.no(), typed, Map.of(), null);
        }

        for (RecordRef other : others) {
            Map<CommonField, String> expected = new EnumMap<>(CommonField.class);
            typed.forEach((field, value) -> {
                if (field.appliesTo(other.type())) {
                    expected.put(field, stored(field, value));
                }
            });
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(support.valuesIn(other)).as(other.toString()).containsAllEntriesOf(expected));
        }
        support.awaitQuiet();

        // Exactly one command per counterpart, none back to the edited record: its echoes were recognised.
        assertThat(support.commandsTo(edited)).as("commands to the edited " + edited).isZero();
        for (RecordRef other : others) {
            assertThat(support.commandsTo(other)).as("commands to " + other).isEqualTo(1);
            JsonNode fields = mapper.readTree(support.commandPayloads(other).get(0)).path("fields");
            Set<String> sent = new TreeSet<>();
            fields.fieldNames().forEachRemaining(sent::add);
            Set<String> expectedNames = new TreeSet<>();
            typed.keySet().stream().filter(f -> f.appliesTo(other.type())).map(CommonField::fieldName)
                    .forEach(expectedNames::add);
            assertThat(sent).as("fields sent to " + other).isEqualTo(expectedNames);
            for (CommonField field : CommonField.values()) {
                if (!field.appliesTo(other.type())) {
                    assertThat(sent).as(other + " has no " + field.fieldName()).doesNotContain(field.fieldName());
                }
                if (field.kind() == CommonField.Kind.CODE && fields.has(field.fieldName())) {
                    String value = fields.get(field.fieldName()).asText();
                    assertThat(value).as(field.fieldName() + " sent to " + other)
                            .isEqualTo(value.strip().toUpperCase()).isEqualTo(stored(field, typed.get(field)));
                }
            }
            assertThat(support.decisions(other)).as("journal of " + other)
                    .contains("update-sent", "echo-suppressed");
        }
        assertThat(support.decisions(edited)).as("journal of " + edited).contains("pushed");
        // A vendor's purchaser code and a bank's own fields are untouched: the vendor and bank account never had
        // salespersonCode, the bank account never vatRegistrationNo.
        if (editedType != RecordType.CUSTOMER && editedType != RecordType.CONTACT) {
            assertThat(support.valuesIn(group.contact()).get(CommonField.SALESPERSON_CODE)).isEmpty();
        }
    }

    /** A new value for every common field, within its length; Code values typed in lower case with blanks. */
    static Map<CommonField, String> everyField(String suffix) {
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        for (CommonField field : CommonField.values()) {
            String value;
            if (field.kind() == CommonField.Kind.CODE) {
                value = " " + field.fieldName().substring(0, 2).toLowerCase() + suffix.toLowerCase() + " ";
            } else {
                value = field.fieldName() + " " + suffix;
            }
            values.put(field, value.length() > field.maxLength() ? value.substring(value.length() - field.maxLength())
                    : value);
        }
        return values;
    }

    /** The value as the hub stores and sends it. */
    static String stored(CommonField field, String typed) {
        return FieldValues.normalize(field, typed);
    }
}
