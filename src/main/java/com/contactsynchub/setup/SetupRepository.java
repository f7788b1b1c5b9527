package com.contactsynchub.setup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of Marketing Setup: {@code hub_setup} (one row, id 1), {@code record_template},
 * {@code record_template_value} and {@code interaction_template_setup}. Writers call {@link #lockForChange()}
 * first, inside their transaction: it locks the setup row and raises its version, so writers queue up and every
 * change is visible to readers as a new version.
 */
@Repository
public class SetupRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public SetupRepository(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored setup's version, or empty when no setup is stored yet. One primary-key read. */
    public Optional<Long> version() {
        return jdbc.queryForList("select version from hub_setup where id = 1", Map.of(), Long.class)
                .stream().findFirst();
    }

    /**
     * The stored setup. Its rows are read one table after the other, so the version is read again at the end:
     * a change committed in between makes the reading start over, and what is returned matches its version.
     */
    public Optional<MarketingSetup> load() {
        while (true) {
            Optional<MarketingSetup> main = loadMainRow();
            if (main.isEmpty()) {
                return main;
            }
            MarketingSetup setup = main.get();
            MarketingSetup complete = new MarketingSetup(setup.busRelCodeForCustomers(), setup.busRelCodeForVendors(),
                    setup.busRelCodeForBankAccounts(), setup.contactNos(), setup.customerNos(), setup.vendorNos(),
                    setup.bankAccountNos(), templates(TemplateKind.CUSTOMER), templates(TemplateKind.VENDOR),
                    interactionTemplates(), setup.conflictPolicy(), setup.version());
            if (version().equals(Optional.of(setup.version()))) {
                return Optional.of(complete);
            }
        }
    }

    /**
     * Locks the setup row and raises its version; returns false when there is no setup row yet. Must run in the
     * transaction that makes the change.
     */
    public boolean lockForChange() {
        return jdbc.update("update hub_setup set version = version + 1, updated_at = :now where id = 1",
                new MapSqlParameterSource("now", now())) > 0;
    }

    /**
     * Replaces the whole setup, in the caller's transaction. With no setup row yet it inserts one (version 1);
     * a concurrent first insert makes this throw {@link org.springframework.dao.DuplicateKeyException}.
     */
    public void replace(MarketingSetup setup) {
        var params = new MapSqlParameterSource()
                .addValue("customers", setup.busRelCodeForCustomers())
                .addValue("vendors", setup.busRelCodeForVendors())
                .addValue("bankAccounts", setup.busRelCodeForBankAccounts())
                .addValue("contactNos", setup.contactNos())
                .addValue("customerNos", setup.customerNos())
                .addValue("vendorNos", setup.vendorNos())
                .addValue("bankAccountNos", setup.bankAccountNos())
                .addValue("policy", setup.conflictPolicy())
                .addValue("now", now());
        int updated = jdbc.update("""
                update hub_setup
                set bus_rel_code_customers = :customers, bus_rel_code_vendors = :vendors,
                    bus_rel_code_bank_accts = :bankAccounts, contact_nos = :contactNos, customer_nos = :customerNos,
                    vendor_nos = :vendorNos, bank_account_nos = :bankAccountNos, conflict_policy = :policy,
                    version = version + 1, updated_at = :now
                where id = 1
                """, params);
        if (updated == 0) {
            jdbc.update("""
                    insert into hub_setup (id, bus_rel_code_customers, bus_rel_code_vendors, bus_rel_code_bank_accts,
                                           contact_nos, customer_nos, vendor_nos, bank_account_nos, conflict_policy,
                                           version, updated_at)
                    values (1, :customers, :vendors, :bankAccounts, :contactNos, :customerNos, :vendorNos,
                            :bankAccountNos, :policy, 1, :now)
                    """, params);
        }
        jdbc.update("delete from record_template", Map.of());
        jdbc.update("delete from interaction_template_setup", Map.of());
        setup.customerTemplates().forEach(t -> insertTemplate(TemplateKind.CUSTOMER, t));
        setup.vendorTemplates().forEach(t -> insertTemplate(TemplateKind.VENDOR, t));
        setup.interactionTemplates().forEach((documentType, code) -> jdbc.update("""
                insert into interaction_template_setup (document_type, interaction_template_code)
                values (:documentType, :code)
                """, new MapSqlParameterSource("documentType", documentType).addValue("code", code)));
    }

    /** Creates or replaces one template, in the caller's transaction (after {@link #lockForChange()}). */
    public void putTemplate(TemplateKind kind, RecordTemplate template) {
        deleteTemplate(kind, template.code());
        insertTemplate(kind, template);
    }

    /** Deletes one template with its values (by cascade); returns whether it existed. */
    public boolean deleteTemplate(TemplateKind kind, String code) {
        return jdbc.update("delete from record_template where template_kind = :kind and code = :code",
                new MapSqlParameterSource("kind", kind.wireName()).addValue("code", code)) > 0;
    }

    private void insertTemplate(TemplateKind kind, RecordTemplate template) {
        var key = new MapSqlParameterSource("kind", kind.wireName()).addValue("code", template.code());
        jdbc.update("insert into record_template (template_kind, code, description) values (:kind, :code, :description)",
                key.addValue("description", template.description()));
        template.values().forEach((name, value) -> jdbc.update("""
                insert into record_template_value (template_kind, code, field_name, field_value)
                values (:kind, :code, :name, :value)
                """, new MapSqlParameterSource("kind", kind.wireName()).addValue("code", template.code())
                .addValue("name", name).addValue("value", value)));
    }

    private Optional<MarketingSetup> loadMainRow() {
        return jdbc.query("""
                select bus_rel_code_customers, bus_rel_code_vendors, bus_rel_code_bank_accts, contact_nos,
                       customer_nos, vendor_nos, bank_account_nos, conflict_policy, version
                from hub_setup where id = 1
                """, Map.of(), (rs, i) -> new MarketingSetup(rs.getString("bus_rel_code_customers"),
                rs.getString("bus_rel_code_vendors"), rs.getString("bus_rel_code_bank_accts"),
                rs.getString("contact_nos"), rs.getString("customer_nos"), rs.getString("vendor_nos"),
                rs.getString("bank_account_nos"), null, null, null, rs.getString("conflict_policy"),
                rs.getLong("version"))).stream().findFirst();
    }

    private List<RecordTemplate> templates(TemplateKind kind) {
        var params = new MapSqlParameterSource("kind", kind.wireName());
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        jdbc.query("""
                select code, field_name, field_value from record_template_value
                where template_kind = :kind order by code, field_name
                """, params, rs -> {
            values.computeIfAbsent(rs.getString("code"), c -> new LinkedHashMap<>())
                    .put(rs.getString("field_name"), rs.getString("field_value"));
        });
        List<RecordTemplate> templates = new ArrayList<>();
        jdbc.query("select code, description from record_template where template_kind = :kind order by code", params,
                rs -> {
                    String code = rs.getString("code");
                    templates.add(new RecordTemplate(code, rs.getString("description"),
                            values.getOrDefault(code, Map.of())));
                });
        return templates;
    }

    private Map<String, String> interactionTemplates() {
        Map<String, String> result = new LinkedHashMap<>();
        jdbc.query("select document_type, interaction_template_code from interaction_template_setup", Map.of(),
                rs -> {
                    result.put(rs.getString("document_type"), rs.getString("interaction_template_code"));
                });
        return result;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
