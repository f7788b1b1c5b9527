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
    void aLaterConcurrentEditOfTheSameFieldWinsAndReachesEachRecordOnceItsWriteCameBack() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        // The customer was edited (later) before the hub's "Seattle" reached it.
        var concurrent = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);

        assertThat(concurrent.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.winner()).isEqualTo(CUSTOMER);
            assertThat(c.otherValue()).isEqualTo("Seattle");
        });
        // The contact gets Denver now; the customer and the vendor have "Seattle" on its way and wait for its echo.
        assertThat(concurrent.updates()).containsOnlyKeys(CONTACT);
        assertThat(concurrent.updates().get(CONTACT)).containsExactly(Map.entry(CITY, "Denver"));
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle");

        // "Seattle" reaches the vendor and the customer: each echo brings Denver to its record, once.
        assertThat(FieldSyncEngine.apply(group, VENDOR, Map.of(CITY, "Seattle"), T2.plusSeconds(1),
                ConflictPolicy.LATEST_WINS).updates()).containsOnlyKeys(VENDOR);
        var echo = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS);
        assertThat(echo.decisions()).extracting(FieldDecision::kind).containsExactly(Kind.ECHO_SUPPRESSED);
        assertThat(echo.updates()).containsOnlyKeys(CUSTOMER);
        assertThat(echo.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Denver"));

        // Their echoes go nowhere, and everything agrees on Denver with nothing outstanding.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2.plusSeconds(3),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(FieldSyncEngine.apply(group, VENDOR, Map.of(CITY, "Denver"), T2.plusSeconds(4),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Denver"), T2.plusSeconds(5),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Denver");
        assertThat(group.members()).allSatisfy(m -> assertThat(m.pending(CITY)).isEmpty());
    }

    @Test
    void anEarlierConcurrentEditLosesAndTheWriteOnItsWaySettlesItWithoutASecondCopy() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T2, ConflictPolicy.LATEST_WINS);
        var concurrent = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T1, ConflictPolicy.LATEST_WINS);

        assertThat(concurrent.conflicts()).singleElement().satisfies(c -> assertThat(c.winner()).isEqualTo(CONTACT));
        assertThat(concurrent.updates()).isEmpty();
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Seattle");

        // "Seattle" is applied after the edit and comes back: everything agrees, nothing is outstanding.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(1),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    /**
     * Seen in the crash test: a record edited several times while one write was on its way lost each time, and
     * every loss used to send the winning value once more. The first echo then settled the field, the copies still
     * on their way were forgotten, the user's next (latest) edit won, and the copies arrived after it and were taken
     * for an edit that beat it.
     */
    @Test
    void editsThatLoseWhileAWriteIsOnItsWayAddNoWritesSoTheNextRealEditStaysTheLatest() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "City 9980"), T2, ConflictPolicy.LATEST_WINS);
        for (String older : List.of("City 9801", "City 9838", "City 9856")) {
            assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, older), T1, ConflictPolicy.LATEST_WINS)
                    .updates()).as("a lost edit sends nothing while 'City 9980' is on its way").isEmpty();
        }
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "City 9980"), T2.plusSeconds(1), ConflictPolicy.LATEST_WINS);
        var latest = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "City 9998"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS);

        assertThat(latest.decisions()).extracting(FieldDecision::kind).containsExactly(Kind.PUSHED);
        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("City 9998");
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).as("nothing else on its way to the customer")
                .isEmpty();
    }

    @Test
    void aLateEchoDroppedAsStaleStillConfirmsTheWriteAndTheLosingRecordIsRepaired() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.CONTACT_WINS);
        // The finance system applied "Seattle" (version 5) and then a user typed "Denver" (version 6); it
        // published version 6 first. The hub sees a conflict, which the contact wins; "Seattle" is on its way.
        var newer = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.CONTACT_WINS);
        assertThat(newer.updates()).isEmpty();
        // Version 5, stale, shows that "Seattle" was applied before "Denver": the customer gets "Seattle" again.
        var late = FieldSyncEngine.confirmLate(group, CUSTOMER, Map.of(CITY, "Seattle", NAME, "Fabrikam"));
        assertThat(late.decisions()).extracting(FieldDecision::field).containsExactly(CITY);
        assertThat(late.updates()).containsOnlyKeys(CUSTOMER);
        assertThat(late.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Seattle"));
        // Its echo comes back: everything agrees and nothing is outstanding.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(1),
                ConflictPolicy.CONTACT_WINS).updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    @Test
    void aLateEchoOfAWriteAppliedBeforeAWinningEditLeavesNothingToDo() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        // Applied "Seattle" (v5), then "Denver" typed (v6), published v6 first: Denver wins.
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle");

        var late = FieldSyncEngine.confirmLate(group, CUSTOMER, Map.of(CITY, "Seattle"));

        // The customer holds Denver, the agreed value: nothing to send, nothing to wait for.
        assertThat(late.updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }

    @Test
    void aStaleEventShowingTheRecordsOwnValueConfirmsNothing() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);

        var late = FieldSyncEngine.confirmLate(group, CUSTOMER, Map.of(CITY, "Denver"));
        assertThat(late.decisions()).isEmpty();
        assertThat(late.updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle");
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

        // The operator's value goes to the contact now, to the others once "Seattle" came back to them.
        var settled = FieldSyncEngine.settle(group, CITY, "Denver", T2.plusMinutes(5), CUSTOMER);
        assertThat(settled).containsOnlyKeys(CONTACT);
        assertThat(FieldSyncEngine.apply(group, VENDOR, Map.of(CITY, "Seattle"), T2.plusMinutes(6),
                ConflictPolicy.MANUAL).updates()).containsOnlyKeys(VENDOR);
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
    void aRecordStillShowingItsOwnWinningValueConfirmsNothing() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver"), T2, ConflictPolicy.LATEST_WINS);

        // Another edit of the customer, published with all its fields, before "Seattle" reached it: still Denver.
        var other = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Denver", NAME, "Fabrikam Inc."),
                T2.plusSeconds(1), ConflictPolicy.LATEST_WINS);

        assertThat(other.decisions()).extracting(FieldDecision::field).containsExactly(NAME);
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle");
        // "Seattle" arrives and brings Denver back; Denver's echo settles it: nothing bounces.
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2.plusSeconds(2),
                ConflictPolicy.LATEST_WINS).updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Denver"));
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
    void editsMadeWhileAWriteIsOnItsWayWaitForItsEchoAndOnlyTheLatestFollows() {
        SyncGroup group = agreedGroup();
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Seattle"), T1, ConflictPolicy.LATEST_WINS);
        var second = FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Denver"), T1.plusSeconds(1),
                ConflictPolicy.LATEST_WINS);
        var third = FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Boston"), T1.plusSeconds(2),
                ConflictPolicy.LATEST_WINS);
        assertThat(second.updates()).isEmpty();
        assertThat(third.updates()).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Seattle");

        // The echo of "Seattle" comes back late (T2): the customer now gets the latest, "Boston", and nothing between.
        var echo = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Seattle"), T2, ConflictPolicy.LATEST_WINS);
        assertThat(echo.decisions()).extracting(FieldDecision::kind).containsOnly(FieldDecision.Kind.ECHO_SUPPRESSED);
        assertThat(echo.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Boston"));
        assertThat(FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "Boston"), T2.plusSeconds(1),
                ConflictPolicy.LATEST_WINS).updates()).isEmpty();

        assertThat(group.agreed(CITY).orElseThrow().value()).isEqualTo("Boston");
        assertThat(group.agreed(CITY).orElseThrow().at()).as("dated by the contact's edit, not by an echo")
                .isEqualTo(T1.plusSeconds(2));
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
    }
    /** A customer the hub asked for, at its acknowledgement: contact "Fabrikam", "Atlanta", USD; nothing known yet. */
    static SyncGroup newCustomerGroup(Map<CommonField, String> contactValues) {
        return new SyncGroup("CT000001", List.of(new SyncGroup.Member(CONTACT, contactValues, Map.of()),
                new SyncGroup.Member(CUSTOMER, Map.of(), Map.of())), Map.of());
    }

    @Test
    void aCreatedRecordHoldsWhatItWasCreatedWithSoNothingIsWrittenToIt() {
        Map<CommonField, String> contact = Map.of(NAME, "Fabrikam", CITY, "Atlanta");
        SyncGroup group = newCustomerGroup(contact);

        var updates = FieldSyncEngine.settleCreated(group, CONTACT, contact, CUSTOMER, contact, java.util.Set.of(), T1);

        assertThat(updates).isEmpty();
        assertThat(group.agreed(CITY)).map(SyncGroup.Agreed::value).contains("Atlanta");
    }

    @Test
    void aTemplatesCommonFieldWinsOnTheNewRecordAndGoesToTheContact() {
        Map<CommonField, String> contact = Map.of(NAME, "Fabrikam", CommonField.CURRENCY_CODE, "USD");
        Map<CommonField, String> createdWith = Map.of(NAME, "Fabrikam", CommonField.CURRENCY_CODE, "EUR");

        var updates = FieldSyncEngine.settleCreated(newCustomerGroup(contact), CONTACT, contact, CUSTOMER,
                createdWith, java.util.Set.of(CommonField.CURRENCY_CODE), T1);

        assertThat(updates).containsOnlyKeys(CONTACT);
        assertThat(updates.get(CONTACT)).containsExactly(Map.entry(CommonField.CURRENCY_CODE, "EUR"));
    }

    @Test
    void aContactEditMadeWhileTheCreationWasOnItsWayStillReachesTheNewRecord() {
        Map<CommonField, String> createdWith = Map.of(NAME, "Fabrikam", CITY, "Atlanta");
        Map<CommonField, String> contactNow = Map.of(NAME, "Fabrikam", CITY, "Seattle");

        var updates = FieldSyncEngine.settleCreated(newCustomerGroup(contactNow), CONTACT, contactNow, CUSTOMER,
                createdWith, java.util.Set.of(), T1);

        assertThat(updates).containsOnlyKeys(CUSTOMER);
        assertThat(updates.get(CUSTOMER)).containsExactly(Map.entry(CITY, "Seattle"));
    }
    /** Contact (echoes) and customer of a system with the given confirmation, agreed on "Atlanta". */
    static SyncGroup groupWithCustomer(SyncGroup.Confirmation customerConfirmation) {
        Map<CommonField, String> values = Map.of(NAME, "Fabrikam", CITY, "Atlanta");
        return new SyncGroup("CT000001", List.of(new SyncGroup.Member(CONTACT, values, Map.of()),
                new SyncGroup.Member(CUSTOMER, customerConfirmation, values, Map.of())),
                Map.of(CITY, new SyncGroup.Agreed("Atlanta", T1.minusDays(1), CONTACT)));
    }

    @Test
    void withoutEchoOrAcknowledgementAWriteCountsAsAppliedSoALaterEditThereIsNoConflict() {
        SyncGroup group = groupWithCustomer(SyncGroup.Confirmation.SENDING);
        var write = FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Leeds"), T1, ConflictPolicy.LATEST_WINS);
        assertThat(write.updates().get(CUSTOMER)).containsExactly(Map.entry(CITY, "Leeds"));
        assertThat(group.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
        assertThat(group.member(CUSTOMER).orElseThrow().knownChanged()).containsExactly(CITY);

        var edit = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "York"), T2, ConflictPolicy.LATEST_WINS);

        assertThat(edit.conflicts()).isEmpty();
        assertThat(edit.updates()).containsOnlyKeys(CONTACT);
    }

    @Test
    void anAcknowledgementConfirmsAWriteOfASystemWithoutEchoesAndNotOfOneWithEchoes() {
        SyncGroup silent = groupWithCustomer(SyncGroup.Confirmation.ACKNOWLEDGEMENT);
        FieldSyncEngine.apply(silent, CONTACT, Map.of(CITY, "Leeds"), T1, ConflictPolicy.LATEST_WINS);
        assertThat(silent.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Leeds");

        var confirmed = FieldSyncEngine.confirmAcknowledged(silent, CUSTOMER, Map.of(CITY, "Leeds"));

        assertThat(confirmed.decisions()).extracting(FieldDecision::kind).containsExactly(Kind.ECHO_SUPPRESSED);
        assertThat(silent.member(CUSTOMER).orElseThrow().pending(CITY)).isEmpty();
        assertThat(silent.member(CUSTOMER).orElseThrow().known(CITY)).isEqualTo("Leeds");

        SyncGroup echoing = groupWithCustomer(SyncGroup.Confirmation.ECHO);
        FieldSyncEngine.apply(echoing, CONTACT, Map.of(CITY, "Leeds"), T1, ConflictPolicy.LATEST_WINS);
        assertThat(FieldSyncEngine.confirmAcknowledged(echoing, CUSTOMER, Map.of(CITY, "Leeds")).decisions()).isEmpty();
        assertThat(echoing.member(CUSTOMER).orElseThrow().pending(CITY)).containsExactly("Leeds");
    }

    @Test
    void aRefusedWriteIsNoLongerWaitedForSoTheNextEditThereIsNotAConflict() {
        SyncGroup group = groupWithCustomer(SyncGroup.Confirmation.ECHO);
        FieldSyncEngine.apply(group, CONTACT, Map.of(CITY, "Leeds"), T1, ConflictPolicy.LATEST_WINS);

        assertThat(FieldSyncEngine.dropRefused(group, CUSTOMER, Map.of(CITY, "Leeds"))).containsExactly(CITY);
        var edit = FieldSyncEngine.apply(group, CUSTOMER, Map.of(CITY, "York"), T2, ConflictPolicy.LATEST_WINS);

        assertThat(edit.conflicts()).isEmpty();
        assertThat(edit.updates()).containsOnlyKeys(CONTACT);
    }
}
