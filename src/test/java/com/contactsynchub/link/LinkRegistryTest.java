package com.contactsynchub.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.numberseries.NumberSeriesRepository;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupRepository;
import com.contactsynchub.setup.SetupService;
import com.contactsynchub.support.TestDb;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The link table's constraints and the registry, with the same assertions on H2 and on PostgreSQL. */
class LinkRegistryTest {

    private record Fixture(LinkRegistry registry, KnownRecords known, SetupService setup, TestDb.Database db) {
        static Fixture on(TestDb.Database db) {
            var known = new KnownRecords(db.jdbc);
            var setup = new SetupService(new SetupRepository(db.jdbc, Clock.systemUTC()),
                    new NumberSeriesRepository(db.jdbc), db.transactionManager);
            setup.replace(new MarketingSetup("CUST", "VEND", "BANK", null, null, null, null, null, null, null, null,
                    null));
            return new Fixture(new LinkRegistry(new LinkRepository(db.jdbc), known, setup, Clock.systemUTC()), known,
                    setup, db);
        }

        void contact(String no, String type, String companyNo, boolean privacyBlocked) {
            known.save(new KnownRecord(RecordType.CONTACT, no, type, companyNo, privacyBlocked, false, 1L,
                    OffsetDateTime.now(), JsonNodeFactory.instance.objectNode()));
        }

        void insertRaw(String contactNo, String linkType, String recordNo, String status) {
            db.jdbc.update("""
                    insert into contact_link (contact_no, business_relation_code, link_type, record_no, status, created_at)
                    values (:contactNo, 'X', :linkType, :recordNo, :status, current_timestamp)
                    """, new MapSqlParameterSource("contactNo", contactNo).addValue("linkType", linkType)
                    .addValue("recordNo", recordNo).addValue("status", status));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theDatabaseRefusesASecondLinkOfATypeOrOfARecordWhatever(TestDb kind) {
        try (var db = kind.open()) {
            Fixture f = Fixture.on(db);
            f.insertRaw("CT000010", "customer", "C00020", "pending");

            // A second customer for the contact, also while the first link is only pending.
            assertThatThrownBy(() -> f.insertRaw("CT000010", "customer", "C00030", "active"))
                    .isInstanceOf(DuplicateKeyException.class);
            // A second contact for the customer.
            assertThatThrownBy(() -> f.insertRaw("CT000011", "customer", "C00020", "active"))
                    .isInstanceOf(DuplicateKeyException.class);
            // Unknown link types and statuses.
            assertThatThrownBy(() -> f.insertRaw("CT000010", "employee", "E1", "active"))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> f.insertRaw("CT000010", "vendor", "V00010", "maybe"))
                    .isInstanceOf(DataIntegrityViolationException.class);

            // Other types and other records are fine.
            f.insertRaw("CT000010", "vendor", "C00020", "active");
            f.insertRaw("CT000010", "bankAccount", "B00010", "active");
            f.insertRaw("CT000011", "customer", "C00030", "active");
            assertThat(db.jdbc.queryForObject("select count(*) from contact_link", Map.of(), Integer.class)).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void linkingFollowsTheRulesAndPersonsLinkThroughTheirCompany(TestDb kind) {
        try (var db = kind.open()) {
            Fixture f = Fixture.on(db);
            f.contact("CT000010", "company", null, false);
            f.contact("CT000011", "person", "CT000010", false);
            f.contact("CT000012", "company", null, true);
            f.contact("CT000013", "person", null, false);

            assertThatThrownBy(() -> f.registry().link("ct000011", LinkType.CUSTOMER, "C00020"))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("contactNo: 'ct000011' has lower-case "
                            + "letters; record numbers are Code values and must be upper case");
            assertThatThrownBy(() -> f.registry().link("CT000011", LinkType.CUSTOMER, " C00020"))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("recordNo: ' C00020' has leading or "
                            + "trailing blanks; record numbers are Code values and must not have them");
            assertThat(f.registry().findByRecord(LinkType.CUSTOMER, "C00020")).isEmpty();

            Link link = f.registry().link("CT000011", LinkType.CUSTOMER, "C00020");
            assertThat(link.contactNo()).isEqualTo("CT000010");
            assertThat(link.recordNo()).isEqualTo("C00020");
            assertThat(link.businessRelationCode()).isEqualTo("CUST");
            assertThat(f.registry().findByRecord(LinkType.CUSTOMER, "C00020")).contains(link);
            assertThat(f.registry().link("CT000010", LinkType.CUSTOMER, "C00020")).isEqualTo(link);
            assertThat(f.registry().relationsOf("CT000011")).containsExactly(link);
            assertThat(f.registry().findByContact("CT000011")).isEmpty();

            assertThatThrownBy(() -> f.registry().link("CT000010", LinkType.CUSTOMER, "C00030"))
                    .hasMessage("Contact CT000010 already has a Customer with No. C00020.");
            assertThatThrownBy(() -> f.registry().link("CT000013", LinkType.CUSTOMER, "C00020"))
                    .hasMessage("Customer C00020 already has a Contact with No. CT000010.");
            assertThatThrownBy(() -> f.registry().link("CT000012", LinkType.VENDOR, "V00010"))
                    .hasMessage("You cannot use contact CT000012 because they are marked as blocked due to privacy.");
            assertThatThrownBy(() -> f.registry().link("CT000013", LinkType.BANK_ACCOUNT, "B00010"))
                    .hasMessage("Company No. must have a value in Contact CT000013.");
            assertThatThrownBy(() -> f.registry().link("CT000099", LinkType.CUSTOMER, "C00099"))
                    .isInstanceOf(LinkRefusedException.class)
                    .hasMessage("Contact CT000099 is not known to the hub: no event for it has been received.");

            f.setup().replace(new MarketingSetup("CUST", "VEND", null, null, null, null, null, null, null, null, null,
                    null));
            assertThatThrownBy(() -> f.registry().link("CT000010", LinkType.BANK_ACCOUNT, "B00010"))
                    .hasMessage("Bus. Rel. Code for Bank Accounts must have a value in Marketing Setup.");

            Link pending = f.registry().link("CT000013", LinkType.CUSTOMER, "C00040", LinkStatus.PENDING);
            assertThat(pending.status()).isEqualTo(LinkStatus.PENDING);
            assertThat(f.registry().activate(LinkType.CUSTOMER, "C00040")).isTrue();
            assertThat(f.registry().findByRecord(LinkType.CUSTOMER, "C00040").orElseThrow().status())
                    .isEqualTo(LinkStatus.ACTIVE);

            assertThat(f.registry().unlink(LinkType.CUSTOMER, "C00020")).contains(link);
            assertThat(f.registry().unlink(LinkType.CUSTOMER, "C00020")).isEmpty();
            assertThatThrownBy(() -> f.registry().link("CT000013", LinkType.CUSTOMER, "C00020"))
                    .hasMessage("Contact CT000013 already has a Customer with No. C00040.");
            assertThat(f.registry().link("CT000011", LinkType.CUSTOMER, "C00020").contactNo()).isEqualTo("CT000010");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void searchFiltersAndPages(TestDb kind) {
        try (var db = kind.open()) {
            Fixture f = Fixture.on(db);
            for (int i = 1; i <= 5; i++) {
                f.contact("CT00000" + i, "company", null, false);
                f.registry().link("CT00000" + i, LinkType.CUSTOMER, "C0000" + i);
                f.registry().link("CT00000" + i, LinkType.VENDOR, "V0000" + i);
            }
            LinkPage all = f.registry().search(LinkSearch.all(), 1, 4);
            assertThat(all.total()).isEqualTo(10);
            assertThat(all.items()).extracting(Link::recordNo).containsExactly("C00003", "V00003", "C00004", "V00004");

            LinkPage vendors = f.registry().search(new LinkSearch(null, LinkType.VENDOR, null), 0, 50);
            assertThat(vendors.total()).isEqualTo(5);
            assertThat(f.registry().search(new LinkSearch("CT000002", LinkType.VENDOR, "V00002"), 0, 50).items())
                    .extracting(Link::recordNo).containsExactly("V00002");
            assertThatThrownBy(() -> f.registry().search(new LinkSearch("ct000002", null, null), 0, 50))
                    .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("contactNo: 'ct000002' has "
                            + "lower-case letters");
            assertThat(f.registry().unlinkContact("CT000001")).isEqualTo(2);
            assertThat(f.registry().search(LinkSearch.all(), 0, 50).total()).isEqualTo(8);
        }
    }

    /** Many threads link different contacts with one customer at once: exactly one wins, the rest get BC's message. */
    @ParameterizedTest
    @EnumSource(TestDb.class)
    void concurrentLinksOfOneRecordHaveExactlyOneWinner(TestDb kind) throws Exception {
        try (var db = kind.open()) {
            Fixture f = Fixture.on(db);
            int threads = 10;
            for (int i = 0; i < threads; i++) {
                f.contact("CT0001" + i, "company", null, false);
            }
            List<Object> outcomes = race(threads, i -> f.registry().link("CT0001" + i, LinkType.CUSTOMER, "C00020"));

            List<Link> wins = outcomes.stream().filter(Link.class::isInstance).map(Link.class::cast).toList();
            assertThat(wins).hasSize(1);
            String winner = wins.get(0).contactNo();
            assertThat(outcomes).filteredOn(LinkRefusedException.class::isInstance).hasSize(threads - 1)
                    .allSatisfy(e -> assertThat((Throwable) e)
                            .hasMessage("Customer C00020 already has a Contact with No. " + winner + "."));
            assertThat(f.registry().findByRecord(LinkType.CUSTOMER, "C00020").orElseThrow().contactNo()).isEqualTo(winner);
        }
    }

    /** Many threads link one contact with different vendors at once: exactly one wins. */
    @ParameterizedTest
    @EnumSource(TestDb.class)
    void concurrentLinksOfOneContactHaveExactlyOneWinner(TestDb kind) throws Exception {
        try (var db = kind.open()) {
            Fixture f = Fixture.on(db);
            f.contact("CT000010", "company", null, false);
            int threads = 10;
            List<Object> outcomes = race(threads, i -> f.registry().link("CT000010", LinkType.VENDOR, "V0001" + i));

            List<Link> wins = outcomes.stream().filter(Link.class::isInstance).map(Link.class::cast).toList();
            assertThat(wins).hasSize(1);
            assertThat(outcomes).filteredOn(LinkRefusedException.class::isInstance).hasSize(threads - 1)
                    .allSatisfy(e -> assertThat((Throwable) e).hasMessage(
                            "Contact CT000010 already has a Vendor with No. " + wins.get(0).recordNo() + "."));
            assertThat(f.registry().findByContact("CT000010")).containsExactly(wins.get(0));
        }
    }

    private interface Attempt {
        Link run(int index);
    }

    /** Runs all attempts from one start signal; each outcome is the link or the exception. */
    private static List<Object> race(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return (Object) attempt.run(index);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
