package com.contactsynchub.setup;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.setup.*}: the Marketing Setup the hub starts with.
 *
 * @param load if-empty: stored only when the database has no setup yet, so changes made through the API survive
 *             restarts; always: this configuration replaces the stored setup at every start
 */
@ConfigurationProperties("hub.setup")
public record SetupProperties(
        @DefaultValue("if-empty") LoadMode load,
        String busRelCodeForCustomers,
        String busRelCodeForVendors,
        String busRelCodeForBankAccounts,
        String contactNos,
        String customerNos,
        String vendorNos,
        String bankAccountNos,
        Map<String, Template> customerTemplates,
        Map<String, Template> vendorTemplates,
        Map<String, String> interactionTemplates,
        @DefaultValue("latest-wins") String conflictPolicy) {

    public enum LoadMode { IF_EMPTY, ALWAYS }

    /** A template in configuration; its code is the map key. */
    public record Template(String description, Map<String, String> values) {
    }

    /** The setup this configuration describes, not yet checked. */
    public MarketingSetup toSetup() {
        return new MarketingSetup(busRelCodeForCustomers, busRelCodeForVendors, busRelCodeForBankAccounts,
                contactNos, customerNos, vendorNos, bankAccountNos, templates(customerTemplates),
                templates(vendorTemplates), interactionTemplates, conflictPolicy, null);
    }

    private static List<RecordTemplate> templates(Map<String, Template> templates) {
        return templates == null ? List.of() : templates.entrySet().stream()
                .map(e -> new RecordTemplate(e.getKey(), e.getValue().description(), e.getValue().values()))
                .toList();
    }
}
