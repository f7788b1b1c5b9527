package com.contactsynchub.setup;

import java.util.List;
import java.util.Map;

/**
 * The hub's Marketing Setup as stored, read and written whole through {@code /api/setup}. Blank (null) business
 * relation codes switch that link type off; blank number series mean "not set up".
 *
 * @param interactionTemplates document type wire name (e.g. {@code salesOrder}) to interaction template code
 * @param conflictPolicy       wire name of a {@link ConflictPolicy}
 * @param version              goes up with each change; ignored when a setup is written
 */
public record MarketingSetup(
        String busRelCodeForCustomers,
        String busRelCodeForVendors,
        String busRelCodeForBankAccounts,
        String contactNos,
        String customerNos,
        String vendorNos,
        String bankAccountNos,
        List<RecordTemplate> customerTemplates,
        List<RecordTemplate> vendorTemplates,
        Map<String, String> interactionTemplates,
        String conflictPolicy,
        Long version) {

    public static final int BUS_REL_CODE_LENGTH = 10;
    public static final int INTERACTION_TEMPLATE_CODE_LENGTH = 10;

    public MarketingSetup {
        customerTemplates = customerTemplates == null ? List.of() : List.copyOf(customerTemplates);
        vendorTemplates = vendorTemplates == null ? List.of() : List.copyOf(vendorTemplates);
        interactionTemplates = interactionTemplates == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(interactionTemplates));
    }

    /** What the hub works with before any setup is stored: every link type off, latest wins. */
    public static MarketingSetup empty() {
        return new MarketingSetup(null, null, null, null, null, null, null, List.of(), List.of(), Map.of(),
                ConflictPolicy.LATEST_WINS.wireName(), null);
    }

    public List<RecordTemplate> templates(TemplateKind kind) {
        return kind == TemplateKind.CUSTOMER ? customerTemplates : vendorTemplates;
    }

    public MarketingSetup withVersion(Long newVersion) {
        return new MarketingSetup(busRelCodeForCustomers, busRelCodeForVendors, busRelCodeForBankAccounts, contactNos,
                customerNos, vendorNos, bankAccountNos, customerTemplates, vendorTemplates, interactionTemplates,
                conflictPolicy, newVersion);
    }
}
