package com.contactsynchub.sync;

import static com.contactsynchub.contract.CommonField.CITY;
import static com.contactsynchub.contract.CommonField.NAME;
import static com.contactsynchub.contract.CommonField.PHONE_NO;
import static com.contactsynchub.contract.CommonField.SALESPERSON_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.setup.ConflictPolicy;
import com.contactsynchub.sync.FieldDecision.Kind;

class FieldSyncEngineTest {

    static final RecordRef CONTACT = new RecordRef(RecordType.CONTACT, "CT000001");
    static final RecordRef CUSTOMER = new RecordRef(RecordType.CUSTOMER, "C00010");
    static final RecordRef VENDOR = new RecordRef(RecordType.VENDOR, "V00010");
    static final OffsetDateTime T1 = OffsetDateTime.parse("2026-11-25T09:00:00Z");
    static final OffsetDateTime T2 = T1.plusMinutes(1);

    /** Contact, customer and vendor all named "Fabrikam" in "Atlanta", agreed. */
    static SyncGroup agreedGroup() {
        Map<CommonField, String> values = Map.of(NAME, "Fabrikam", CITY, "Atlanta");
        return new SyncGroup("CT000001",
                List.of(new SyncGroup.Member(CONTACT, values, Map.of()),
                        new SyncGroup.Member(CUSTOMER, values, Map.of()),
                        new SyncGroup.Member(VENDOR, values, Map.of())),
                Map.of(NAME, new SyncGroup.Agreed("Fabrikam", T1.minusDays(1), CONTACT),
                        CITY, new SyncGroup.Agreed("Atlanta", T1.minusDays(1), CONTACT)));
    }

    @Test
    void aContactChangeIsPushedToEveryLinkedRecordThatHasTheField() {
        SyncGroup group = agreedGroup();

        var outcome = FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle", NAME, "Fabrikam"), T1,
                ConflictPolicy.LATEST_WINS);

        assertThat(outcome.updates()).containsOnlyKeys(CUSTOMER, VENDOR);
        assertThat(outcome.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Seattle"));
        assertThat(outcome.decisions()).extracting(FieldDecision::field, FieldDecision::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CITY, Kind.PUSHED));
    }

    @Test
    void aFieldTheVendorDoesNotHaveOnlyGoesToTheCustomer() {
        var outcome = FieldSyncEngine.apply(agreedGroup(), CONTACT, Map.of(SALESPERSON_CODE, "JR"), T1,
                ConflictPolicy.LATEST_WINS);

        assertThat(outcome.updates()).containsOnlyKeys(CUSTOMER);
    }

    @Test
    void aFinanceChangeReachesTheContactAndThroughItTheOtherLinks() {
        var outcome = FieldSyncEngine.apply(agreedGroup(), CUSTOMER, Map.of(PHONE_NO, "+1 404 555 0100"), T1,
                ConflictPolicy.LATEST_WINS);

        assertThat(outcome.updates()).containsOnlyKeys(CONTACT, VENDOR);
    }

    @Test
    void theEchoOfTheHubsOwnWriteGoesNowhere() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);

        var echo = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle", NAME, "Fabrikam"), T2,
                ConflictPolicy.LATEST_WINS);

        assertThat(echo.updates()).isEmpty();
        assertThat(echo.decisions()).extracting(FieldDecision::kind).containsExactly(Kind.ECHO_SUPPRESSED);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    @Test
    void editsToDifferentFieldsOnBothSidesMerge() {
        SyncGroup group = agreedGroup();
        var fromContact = FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        var fromCustomer = FieldSyncEngine.apply(group, CUSTOMER, Map.of(NAME, "Fabrikam Inc."), T2,
                ConflictPolicy.LATEST_WINS);

        assertThat(fromContact.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Seattle"));
        assertThat(fromCustomer.updates().get(CONTACT)).containsExactly(Map.entry(NAME, "Fabrikam Inc."));
        assertThat(fromCustomer.conflicts()).isEmpty();
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Seattle");
        assertThat(group.agreed(NAME).orElseThrow().value()).isEqualTo("Fabrikam Inc.");
    }

    @Test
    void aLaterConcurrentEditOfTheSameFieldWinsAndIsWrittenBackAfterTheLosingWrite() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        // The customer was edited (later) before the hub's "Seattle" reached it.
        var concurrent = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);

        assertThat(concurrent.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.winner()).isEqualTo(CUSTOMER);
            assertThat(c.otherValue()).isEqualTo("Seattle");
        });
        assertThat(concurrent.updates().get(CONTACT)).containsExactly(Map.entry(CITY, "Denver"));
        assertThat(concurrent.updates().get(VENDOR)).containsExactly(Map.entry(CITY, "Denver"));
        // The finance system will still apply "Seattle", then "Denver".
        assertThat(concurrent.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Denver"));
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle", "Denver");

        // Its echoes, in order, go nowhere, and everything agrees on Denver.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(1),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Denver");
    }

    @Test
    void anEarlierConcurrentEditLosesAndTheWinningValueIsWrittenToItsRecordOnceMore() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T2, ConflictPolicy.LATEST_WINS);
        var concurrent = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T1, ConflictPolicy.LATEST_WINS);

        assertThat(concurrent.conflicts()).singleElement().satisfies(c -> assertThat(c.winner()).isEqualTo(CONTACT));
        // Not only the write on its way: that one may have been applied before the edit, its echo lost as stale.
        assertThat(concurrent.updates()).containsOnlyKeys(CUSTOMER);
        assertThat(concurrent.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Seattle"));
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Seattle");

        // Both writes come back: the first is an echo, the second changes nothing; nothing is left outstanding.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(1),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS).decisions()).isEmpty();
    }

    @Test
    void aLateEchoDroppedAsStaleStillConfirmsTheWriteAndTheLosingRecordIsRepaired() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.CONTACT_WINS);
        // The finance system applied "Seattle" (version 5) and then a user typed "Denver" (version 6); it
        // published version 6 first. The hub sees a conflict, which the contact wins.
        var newer = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.CONTACT_WINS);
        assertThat(newer.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Seattle"));
        // Version 5, stale, shows that the first "Seattle" was applied.
        assertThat(FieldSyncEngine.confirmLate(group, CUSTOMER, Map.of(CITY, "Seattle", NAME, "Fabrikam")))
                .extracting(FieldDecision::field).containsExactly(CITY);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle");
        // The second "Seattle" comes back: everything agrees and nothing is outstanding.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(1),
                ConflictPolicy.CONTACT_WINS).updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    @Test
    void aLateEchoOfAWinningEditLeavesNothingOutstanding() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        // Applied "Seattle" (v5), then "Denver" typed (v6), published v6 first: Denver wins and is written back.
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle", "Denver");

        FieldSyncEngine.confirmLate(group, CUSTOMER, Map.of(CITY, "Seattle"));

        // The write-back of Denver to a record holding Denver is nothing to wait for: its echo could not be told
        // apart from the record's own value.
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    @Test
    void aStaleEventShowingTheRecordsOwnValueConfirmsNothing() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);

        assertThat(FieldSyncEngine.confirmLate(group, CUSTOMER, Map.of(CITY, "Denver"))).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle", "Denver");
    }

    @Test
    void contactWinsAndFinanceWinsIgnoreTheClock() {
        SyncGroup contactWins = agreedGroup();
        FieldSyncEngine.apply(contactWins, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.CONTACT_WINS);
        assertThat(FieldSyncEngine.apply(contactWins, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.CONTACT_WINS)
                .conflicts().get(0).winner()).isEqualTo(CONTACT);

        SyncGroup financeWins = agreedGroup();
        FieldSyncEngine.apply(financeWins, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.FINANCE_WINS);
        var outcome = FieldSyncEngine.apply(financeWins, CONTACT, Map.of(CITY, "Seattle"), T1.plusHours(1),
                ConflictPolicy.FINANCE_WINS);
        assertThat(outcome.conflicts().get(0).winner()).isEqualTo(CUSTOMER);
        assertThat(financeWins.agreed(CITY).orElseThrow().value()).isEqualTo("Denver");
    }

    @Test
    void underTheManualPolicyAConflictIsParkedAndNothingIsPushed() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.MANUAL);
        var parked = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.MANUAL);

        assertThat(parked.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.parked()).isTrue();
            assertThat(c.winner()).isNull();
        });
        assertThat(parked.updates()).isEmpty();

        var settled = FieldSyncEngine.settle(group, CITY, "Denver", T2.plusMinutes(5), CUSTOMER);
        assertThat(settled).containsOnlyKeys(CONTACT, VENDOR, CUSTOMER);
    }

    @Test
    void aValueTheOthersAlreadyHaveIsNotPushed() {
        SyncGroup group = agreedGroup();
        group.member(CUSTOMER).orElseThrow().setKnown(CITY, "Old");

        var outcome = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Atlanta"), T1, ConflictPolicy.LATEST_WINS);

        assertThat(outcome.updates()).isEmpty();
        assertThat(outcome.decisions()).extracting(FieldDecision::kind).containsExactly(Kind.ALREADY_AGREED);
    }

    @Test
    void aRecordStillShowingItsOwnWinningValueDoesNotConfirmTheWriteBack() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);

        // Another edit of the customer, published with all its fields, before "Seattle" reached it: still Denver.
        var other = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver", NAME, "Fabrikam Inc."),
                T2.plusSeconds(1), ConflictPolicy.LATEST_WINS);

        assertThat(other.decisions()).extracting(FieldDecision::field).containsExactly(NAME);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle", "Denver");
        // "Seattle" then "Denver" arrive: both recognised, nothing bounces.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2.plusSeconds(3),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    @Test
    void aMemberOnAnotherValueWithoutAWriteOnItsWayGetsTheAgreedValue() {
        SyncGroup group = agreedGroup();
        group.member(VENDOR).orElseThrow().setKnown(CITY, "Old");

        var outcome = FieldSyncEngine.apply(group, CONTACT, Map.of(NAME, "Fabrikam Inc."), T1,
                ConflictPolicy.LATEST_WINS);

        assertThat(outcome.updates().get(VENDOR)).containsEntry(CITY, "Atlanta").containsEntry(NAME, "Fabrikam Inc.");
        assertThat(outcome.updates().get(CUSTOMER)).containsOnlyKeys(NAME);
    }

    @Test
    void aValueOnItsWayTwiceIsConfirmedEchoByEchoSoTheWriteInBetweenIsNeverTakenForAnEdit() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Denver"), T1.plusSeconds(1), ConflictPolicy.LATEST_WINS);
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1.plusSeconds(2), ConflictPolicy.LATEST_WINS);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle", "Denver", "Seattle");

        // The finance system applies the three writes in order and reports each; the echoes come back late (T2).
        var first = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2, ConflictPolicy.LATEST_WINS);
        var second = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2.plusSeconds(1),
                ConflictPolicy.LATEST_WINS);
        var third = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS);

        assertThat(first.updates()).isEmpty();
        assertThat(second.updates()).as("the echo of Denver is no edit: nothing is pushed").isEmpty();
        assertThat(third.updates()).isEmpty();
        assertThat(second.decisions()).extracting(FieldDecision::kind).containsOnly(FieldDecision.Kind.ECHO_SUPPRESSED);
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Seattle");
        assertThat(group.agreed(CITY).orElseThrow().at()).as("dated by the contact's edit, not by an echo")
                .isEqualTo(T1.plusSeconds(2));
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }
}
