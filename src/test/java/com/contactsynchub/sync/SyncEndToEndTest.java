package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;

/** Two-way sync over the real broker with the reference contact and finance systems. */
@SyncEndToEnd
class SyncEndToEndTest {

    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    LinkRegistry links;
    @Autowired
    KnownRecords known;
    @Autowired
    Journal journal;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void aContactEditReachesTheLinkedCustomerOnceAndTheEchoGoesNowhere() {
        String contactNo = "CT" + unique();
        String customerNo = "C" + unique();
        crm.create(contactNo, "company", null, false, Map.of(CommonField.NAME, "Fabrikam", CommonField.CITY, "Atlanta"));
        erp.create(FinanceKind.CUSTOMER, customerNo, "company",
                Map.of(CommonField.NAME, "Fabrikam", CommonField.CITY, "Atlanta"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent()
                && known.find(RecordType.CUSTOMER, customerNo).isPresent());
        links.link(contactNo, LinkType.CUSTOMER, customerNo);

        crm.change(contactNo, ContactChange.ofFields(Map.of(CommonField.PHONE_NO, "+1 404 555 0100")));

        await().atMost(Duration.ofSeconds(10)).until(() -> "+1 404 555 0100".equals(
                erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields().get(CommonField.PHONE_NO)));
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.forRecord("customer", customerNo, 10).stream()
                .anyMatch(e -> e.decision().equals("echo-suppressed")));
        assertThat(commandsTo("customer:" + customerNo)).isEqualTo(1);
        assertThat(commandsTo("contact:" + contactNo)).isZero();
    }

    private int commandsTo(String target) {
        return jdbc.queryForObject("select count(*) from outbound_command where group_id = :target",
                new MapSqlParameterSource("target", target), Integer.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
