package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Row-to-event mapping, without Spring or Camel. */
class RowMapperTest {

    private final RowMapper customers = new RowMapper(HeaderMatcher.match(
            List.of("No.", "Name", "Post Code", "Phone No.", "Contact Type", "Balance"), RecordType.CUSTOMER));

    @Test
    void codeFieldsAreUpperCasedAndTrimmedTextsKeptAsTyped() {
        MappedRow row = customers.map(2, List.of("C00010", "Fabrikam ", " ab 12 ", "+1 555", "Person", "10"));
        assertThat(row.valid()).isTrue();
        assertThat(row.recordNo()).isEqualTo("C00010");
        assertThat(row.fields().get("postCode").asText()).isEqualTo("AB 12");
        assertThat(row.fields().get("name").asText()).isEqualTo("Fabrikam ");
        assertThat(row.fields().has("balance")).isFalse();
        assertThat(row.contactType()).isEqualTo("person");
    }

    @Test
    void recordNumbersAreTakenAsWrittenAndRefusedWithLowerCaseLettersOrBlanks() {
        assertThat(customers.map(3, List.of("C00010-A", "Fabrikam", "", "", "", "")).recordNo()).isEqualTo("C00010-A");
        assertThat(customers.map(4, List.of("c00010", "Fabrikam", "", "", "", "")).problems()).containsExactly(
                "'No.' (no.): 'c00010' has lower-case letters; record numbers are Code values and must be upper case");
        assertThat(customers.map(5, List.of(" C00010", "Fabrikam", "", "", "", "")).problems()).containsExactly(
                "'No.' (no.): ' C00010' has leading or trailing blanks; record numbers are Code values and must not "
                        + "have them");
        assertThat(customers.map(6, List.of("C".repeat(21), "Fabrikam", "", "", "", "")).problems())
                .containsExactly("'No.' (no.): 21 characters, the limit is 20");
    }

    @Test
    void everyProblemNamesTheColumn() {
        MappedRow row = customers.map(7, List.of("", "x".repeat(101), "", "", "Robot", ""));
        assertThat(row.problems()).containsExactly("'No.' (no.): is missing",
                "'Name' (name): 101 characters, the limit is 100",
                "'Contact Type' (contactType): 'Robot' is neither Company nor Person");
        assertThat(customers.map(8, List.of("C1", "a")).problems())
                .containsExactly("malformed row: 2 value(s), the header has 6 column(s)");
        assertThat(customers.map(9, List.of("C1", "bell\u0007", "", "", "", "")).problems())
                .containsExactly("'Name' (name): contains a control character");
    }

    @Test
    void theEventIsTheOneTheSystemWouldHaveSentAndPassesTheContract() {
        MappedRow row = customers.map(12, List.of("C00010", "Fabrikam", "30301", "+1 555", "", "0"));
        ObjectNode event = RowEvents.event(row, RowEvents.typeFor(RecordType.CUSTOMER, true),
                RowEvents.messageId("0123456789abcdef0123", 12), OffsetDateTime.parse("2026-11-25T09:30:00Z"), "erp");
        assertThat(event.toString()).isEqualTo("{\"messageId\":\"0123456789abcdef:12\",\"type\":\"customer.created\","
                + "\"occurredAt\":\"2026-11-25T09:30:00Z\",\"source\":\"erp\",\"customerNo\":\"C00010\",\"fields\":"
                + "{\"name\":\"Fabrikam\",\"postCode\":\"30301\",\"phoneNo\":\"+1 555\"}}");
        Validation validation = new MessageValidator().validate(event.toString(), Channel.ERP_EVENTS);
        assertThat(validation).isInstanceOf(Validation.Valid.class);
        assertThat(RowEvents.typeFor(RecordType.BANK_ACCOUNT, false)).isEqualTo(MessageType.BANK_ACCOUNT_CHANGED);
    }

    @Test
    void aContactRowCarriesCompanyAndPrivacy() {
        RowMapper contacts = new RowMapper(HeaderMatcher.match(List.of("No.", "Type", "Company No.", "Privacy Blocked",
                "Name"), RecordType.CONTACT));
        MappedRow row = contacts.map(2, List.of("CT2", "Person", "CT1", "Yes", "Ann"));
        ObjectNode event = RowEvents.event(row, MessageType.CONTACT_CHANGED, "m:2",
                OffsetDateTime.parse("2026-11-25T09:30:00Z"), "crm");
        assertThat(event.get("companyNo").asText()).isEqualTo("CT1");
        assertThat(event.get("privacyBlocked").asBoolean()).isTrue();
        assertThat(event.get("contactType").asText()).isEqualTo("person");
        assertThat(contacts.map(3, List.of("CT3", "", "", "maybe", "B")).problems())
                .containsExactly("'Privacy Blocked' (privacyBlocked): 'maybe' is not Yes or No");
        assertThat(contacts.map(4, List.of("CT4", "Person", "ct1", "", "B")).problems()).containsExactly(
                "'Company No.' (companyNo): 'ct1' has lower-case letters; record numbers are Code values and must be "
                        + "upper case");
        assertThat(contacts.map(5, List.of("CT5", "Company", " ", "", "B")).companyNo()).isEmpty();
    }

    @Test
    void aMalformedRowKeepsTheRecordNoOfItsNumberColumn() {
        MappedRow tooMany = customers.map(10, List.of("C00011", "Contoso", " Inc.", "", "", "", ""));
        assertThat(tooMany.recordNo()).isEqualTo("C00011");
        assertThat(tooMany.valid()).isFalse();
        assertThat(customers.map(11, List.of("", "a")).recordNo()).isNull();
    }

    @Test
    void emptyCellsClearTheFieldOrWithKeepAreNotSent() {
        MappedRow cleared = customers.map(2, List.of("C1", "", "  ", "", "", ""));
        assertThat(cleared.fields().get("name").asText()).isEmpty();
        assertThat(cleared.fields().get("postCode").asText()).isEmpty();
        assertThat(cleared.fields().has("phoneNo")).isTrue();

        RowMapper keep = new RowMapper(HeaderMatcher.match(List.of("No.", "Name", "Post Code", "Phone No."),
                RecordType.CUSTOMER), EmptyCells.KEEP);
        MappedRow kept = keep.map(2, List.of("C1", "", "  ", "+1 555"));
        assertThat(kept.valid()).isTrue();
        assertThat(kept.fields().has("name")).isFalse();
        assertThat(kept.fields().has("postCode")).isFalse();
        assertThat(kept.fields().get("phoneNo").asText()).isEqualTo("+1 555");

        RowMapper contacts = new RowMapper(HeaderMatcher.match(List.of("No.", "Company No.", "Name"),
                RecordType.CONTACT), EmptyCells.KEEP);
        assertThat(contacts.map(3, List.of("CT5", "", "B")).companyNo()).as("not sent: keeps its company").isNull();
    }

    @Test
    void aFileNameChoosesWhatEmptyCellsDo() {
        assertThat(EmptyCells.forFile("customers.csv", EmptyCells.CLEAR)).isEqualTo(EmptyCells.CLEAR);
        assertThat(EmptyCells.forFile("customers.csv", EmptyCells.KEEP)).isEqualTo(EmptyCells.KEEP);
        assertThat(EmptyCells.forFile("customers.Empty-Cells-Keep.csv", EmptyCells.CLEAR)).isEqualTo(EmptyCells.KEEP);
        assertThat(EmptyCells.forFile("customers.dryrun.empty-cells-clear.csv", EmptyCells.KEEP))
                .isEqualTo(EmptyCells.CLEAR);
    }
}
