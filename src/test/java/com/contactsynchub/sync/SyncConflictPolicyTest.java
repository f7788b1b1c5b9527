package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.contactsynchub.setup.ConflictPolicy;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;

/**
 * The same field edited on both sides before either system applied the other's edit, made deterministic by holding
 * back one system's commands (its command queue is paused on the broker meanwhile; stopping the listener instead
 * makes it roll back a command it was receiving, whose delayed redelivery then overtakes the next one): settled by
 * each conflict policy, always recorded.
 */
@SyncEndToEnd
class SyncConflictPolicyTest {

    private static final String CRM_VALUE = "+1 404 555 0101";
    private static final String ERP_VALUE = "+1 404 555 0202";

    @Autowired
    SyncTestSupport support;
    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    SetupService setup;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    QueueNames queues;
    @Autowired
    Conflicts conflicts;

    MarketingSetup original;

    @BeforeEach
    void rememberSetup() {
        original = setup.current();
    }

    @AfterEach
    void restore() {
        queue(queues.erpCommands()).resume();
        queue(queues.crmCommands()).resume();
        setup.replace(original);
    }

    @Test
    void latestWinsByDefaultTheFinanceEditCameLast() {
        Result result = conflict(ConflictPolicy.LATEST_WINS, true);
        result.assertEverywhere(ERP_VALUE);
        result.assertRecorded("resolved", ERP_VALUE);
    }

    @Test
    void latestWinsTheContactEditCameLast() {
        Result result = conflict(ConflictPolicy.LATEST_WINS, false);
        result.assertEverywhere(CRM_VALUE);
        result.assertRecorded("resolved", CRM_VALUE);
    }

    @Test
    void contactWinsEvenWhenTheFinanceEditCameLast() {
        Result result = conflict(ConflictPolicy.CONTACT_WINS, true);
        result.assertEverywhere(CRM_VALUE);
        result.assertRecorded("resolved", CRM_VALUE);
    }

    @Test
    void financeWinsEvenWhenTheContactEditCameLast() {
        Result result = conflict(ConflictPolicy.FINANCE_WINS, false);
        result.assertEverywhere(ERP_VALUE);
        result.assertRecorded("resolved", ERP_VALUE);
    }

    @Test
    void manualParksTheConflictAndPushesNothingForIt() {
        Result result = conflict(ConflictPolicy.MANUAL, true);
        result.assertRecorded("parked", null);
        assertThat(support.count("select count(*) from outbound_command where causation_id = '"
                + result.secondEditId() + "'")).as("commands caused by the parked edit").isZero();
        assertThat(support.decisions(result.customer())).contains("conflict-parked");
    }

    record Result(SyncTestSupport support, SyncTestSupport.Group group, RecordRef customer, List<Conflicts.StoredConflict> rows,
            String secondEditId) {

        void assertEverywhere(String value) {
            assertThat(support.valuesIn(group.contact()).get(CommonField.PHONE_NO)).as("contact").isEqualTo(value);
            for (RecordRef record : group.financeRecords()) {
                assertThat(support.valuesIn(record).get(CommonField.PHONE_NO)).as(record.toString()).isEqualTo(value);
            }
            assertThat(support.agreed(group.contactNo()).get(CommonField.PHONE_NO)).as("agreed").isEqualTo(value);
        }

        void assertRecorded(String status, String resolvedValue) {
            assertThat(rows).hasSize(1);
            Conflicts.StoredConflict row = rows.get(0);
            assertThat(row.field()).isEqualTo("phoneNo");
            assertThat(row.status()).isEqualTo(status);
            assertThat(row.resolvedValue()).isEqualTo(resolvedValue);
            assertThat(row.causationId()).isEqualTo(secondEditId);
            assertThat(List.of(row.editedValue(), row.otherValue())).containsExactlyInAnyOrder(CRM_VALUE, ERP_VALUE);
            String decision = status.equals("parked") ? "conflict-parked" : "conflict-resolved";
            assertThat(support.journal(new RecordRef(RecordType.CONTACT, group.contactNo())).stream()
                    .anyMatch(e -> e.decision().equals(decision) && e.causationId().equals(secondEditId))
                    || support.journal(customer).stream()
                    .anyMatch(e -> e.decision().equals(decision) && e.causationId().equals(secondEditId)))
                    .as("journal entry " + decision + " caused by " + secondEditId).isTrue();
        }
    }

    /**
     * Both sides edit the phone no.; the side edited first has its update held back at the other system until the
     * second edit reached the hub.
     */
    private Result conflict(ConflictPolicy policy, boolean contactFirst) {
        setup.replace(withPolicy(policy));
        SyncTestSupport.Group group = support.linkedGroup(true, true, false);
        RecordRef customer = new RecordRef(RecordType.CUSTOMER, group.customerNo());
        RecordRef second = contactFirst ? customer : group.contact();
        Queue held = queue(contactFirst ? queues.erpCommands() : queues.crmCommands());
        held.pause();
        int commandsBefore = support.commandsTo(second);
        if (contactFirst) {
            crm.change(group.contactNo(), ContactChange.ofFields(Map.of(CommonField.PHONE_NO, CRM_VALUE)));
        } else {
            erp.change(FinanceKind.CUSTOMER, group.customerNo(), Map.of(CommonField.PHONE_NO, ERP_VALUE), Map.of(), null);
        }
        // The hub has decided the first edit: its update to the held-back system is on the way.
        await().atMost(Duration.ofSeconds(20)).until(() -> support.commandsTo(second) > commandsBefore);
        int journalBefore = support.journal(second).size();
        if (contactFirst) {
            erp.change(FinanceKind.CUSTOMER, group.customerNo(), Map.of(CommonField.PHONE_NO, ERP_VALUE), Map.of(), null);
        } else {
            crm.change(group.contactNo(), ContactChange.ofFields(Map.of(CommonField.PHONE_NO, CRM_VALUE)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> support.journal(second).size() > journalBefore
                && support.journal(second).stream().anyMatch(e -> e.decision().startsWith("conflict-")));
        String secondEditId = support.journal(second).stream().filter(e -> e.decision().startsWith("conflict-"))
                .findFirst().orElseThrow().causationId();
        held.resume();
        support.awaitQuiet();
        List<Conflicts.StoredConflict> rows = conflicts.list(null, 1000).stream()
                .filter(c -> c.contactNo().equals(group.contactNo())).toList();
        return new Result(support, group, customer, rows, secondEditId);
    }

    private MarketingSetup withPolicy(ConflictPolicy policy) {
        MarketingSetup s = original;
        return new MarketingSetup(s.busRelCodeForCustomers(), s.busRelCodeForVendors(), s.busRelCodeForBankAccounts(),
                s.contactNos(), s.customerNos(), s.vendorNos(), s.bankAccountNos(), s.customerTemplates(),
                s.vendorTemplates(), s.interactionTemplates(), policy.wireName(), null);
    }

    private Queue queue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }
}
