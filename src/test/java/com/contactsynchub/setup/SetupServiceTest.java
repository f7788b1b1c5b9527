package com.contactsynchub.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.numberseries.NumberSeriesInput;
import com.contactsynchub.numberseries.NumberSeriesRepository;
import com.contactsynchub.support.TestDb;

/** Setup storage, loading from configuration and the version-checked cache, on H2 and on PostgreSQL. */
class SetupServiceTest {

    private static final Map<String, NumberSeriesInput> SERIES = Map.of(
            "CONT", new NumberSeriesInput("Contacts", "CT000001", null, null, null),
            "CUST", new NumberSeriesInput("Customers", "C00010", null, 10, null));

    private static SetupProperties config(SetupProperties.LoadMode mode, String customersCode) {
        return new SetupProperties(mode, customersCode, "VEND", null, "CONT", "CUST", null, null,
                Map.of("DOMESTIC", new SetupProperties.Template("Domestic", Map.of("customerPostingGroup", "DOM"))),
                Map.of(), Map.of("salesOrder", "SORDER"), "latest-wins");
    }

    /** One hub instance's view of the shared database. */
    private record Hub(SetupService service, SetupRepository repository, NumberSeriesRepository series,
            TestDb.Database db) {
        static Hub on(TestDb.Database db) {
            var series = new NumberSeriesRepository(db.jdbc);
            var repository = new SetupRepository(db.jdbc, Clock.systemUTC());
            return new Hub(new SetupService(repository, series, db.transactionManager), repository, series, db);
        }

        void load(SetupProperties properties) {
            new SetupLoader(properties, SERIES, repository, series, db.transactionManager).load();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void configurationIsStoredIntoAnEmptyDatabaseWithItsNumberSeries(TestDb kind) {
        try (var db = kind.open()) {
            Hub hub = Hub.on(db);
            assertThat(hub.service().current()).isEqualTo(MarketingSetup.empty());

            hub.load(config(SetupProperties.LoadMode.IF_EMPTY, "CUST"));

            assertThat(hub.series().find("CUST").orElseThrow().incrementBy()).isEqualTo(10);
            assertThat(hub.service().businessRelationCode(LinkType.CUSTOMER)).contains("CUST");
            assertThat(hub.service().businessRelationCode(LinkType.BANK_ACCOUNT)).isEmpty();
            assertThat(hub.service().contactNos()).contains("CONT");
            assertThat(hub.service().recordNos(LinkType.CUSTOMER)).contains("CUST");
            assertThat(hub.service().template(TemplateKind.CUSTOMER, "domestic").orElseThrow().values())
                    .isEqualTo(Map.of("customerPostingGroup", "DOM"));
            assertThat(hub.service().interactionTemplate(DocumentType.SALES_ORDER)).contains("SORDER");
            assertThat(hub.service().interactionTemplate(DocumentType.SALES_INVOICE)).isEmpty();
            assertThat(hub.service().conflictPolicy()).isEqualTo(ConflictPolicy.LATEST_WINS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void ifEmptyKeepsChangesMadeSinceButAlwaysLetsConfigurationWin(TestDb kind) {
        try (var db = kind.open()) {
            Hub hub = Hub.on(db);
            hub.load(config(SetupProperties.LoadMode.IF_EMPTY, "CUST"));
            MarketingSetup changed = hub.service().current();
            hub.service().replace(new MarketingSetup("KUNDE", changed.busRelCodeForVendors(), null,
                    changed.contactNos(), null, null, null, List.of(), List.of(), Map.of(), "manual", null));

            hub.load(config(SetupProperties.LoadMode.IF_EMPTY, "CUST")); // a restart
            assertThat(hub.service().businessRelationCode(LinkType.CUSTOMER)).contains("KUNDE");
            assertThat(hub.service().conflictPolicy()).isEqualTo(ConflictPolicy.MANUAL);

            hub.load(config(SetupProperties.LoadMode.ALWAYS, "CUST2"));
            assertThat(hub.service().businessRelationCode(LinkType.CUSTOMER)).contains("CUST2");
            assertThat(hub.service().conflictPolicy()).isEqualTo(ConflictPolicy.LATEST_WINS);
            assertThat(hub.service().template(TemplateKind.CUSTOMER, "DOMESTIC")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aChangeByOneHubIsSeenByTheOtherAtItsNextRead(TestDb kind) {
        try (var db = kind.open()) {
            Hub first = Hub.on(db);
            Hub second = Hub.on(db);
            first.load(config(SetupProperties.LoadMode.IF_EMPTY, "CUST"));
            assertThat(second.service().businessRelationCode(LinkType.CUSTOMER)).contains("CUST"); // now cached
            long before = second.service().current().version();

            first.service().putTemplate(TemplateKind.VENDOR, "foreign",
                    new RecordTemplate(null, "Foreign", Map.of("vendorPostingGroup", "FOREIGN")));
            assertThat(second.service().template(TemplateKind.VENDOR, "FOREIGN")).map(RecordTemplate::description)
                    .contains("Foreign");

            first.service().replace(new MarketingSetup(null, "VEND", null, "CONT", null, null, null, List.of(),
                    List.of(), Map.of(), null, null));
            assertThat(second.service().businessRelationCode(LinkType.CUSTOMER)).isEmpty();
            assertThat(second.service().template(TemplateKind.VENDOR, "FOREIGN")).isEmpty();
            assertThat(second.service().current().version()).isGreaterThan(before + 1);

            assertThat(first.service().deleteTemplate(TemplateKind.CUSTOMER, "NOPE")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anInvalidSetupChangesNothing(TestDb kind) {
        try (var db = kind.open()) {
            Hub hub = Hub.on(db);
            hub.load(config(SetupProperties.LoadMode.IF_EMPTY, "CUST"));
            MarketingSetup before = hub.service().current();

            assertThatThrownBy(() -> hub.service().replace(new MarketingSetup("CUST", null, null, "CONTX", null, null,
                    null, List.of(), List.of(), Map.of(), null, null)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                            .containsExactly("contactNos: number series CONTX does not exist"));
            assertThat(hub.service().current()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theDatabaseItselfRefusesAMissingNumberSeriesAndASecondSetupRow(TestDb kind) {
        try (var db = kind.open()) {
            Hub hub = Hub.on(db);
            hub.load(config(SetupProperties.LoadMode.IF_EMPTY, "CUST"));
            assertThatThrownBy(() -> db.jdbc.update("update hub_setup set contact_nos = 'CONTX' where id = 1", Map.of()))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThatThrownBy(() -> db.jdbc.update("""
                    insert into hub_setup (id, conflict_policy, version, updated_at)
                    values (2, 'manual', 1, current_timestamp)
                    """, Map.of())).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThat(Optional.ofNullable(hub.service().current().contactNos())).contains("CONT");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void invalidConfigurationStopsTheStartNamingTheProperty(TestDb kind) {
        try (var db = kind.open()) {
            Hub hub = Hub.on(db);
            SetupProperties bad = new SetupProperties(SetupProperties.LoadMode.IF_EMPTY, null, null, null, "NOSERIES",
                    null, null, null, null, null, null, "latest-wins");
            assertThatThrownBy(() -> hub.load(bad)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Invalid hub.setup configuration: contactNos: number series NOSERIES does not exist");
        }
    }
}
