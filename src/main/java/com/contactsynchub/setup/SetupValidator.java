package com.contactsynchub.setup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.contract.CommonField;

/**
 * Checks a whole Marketing Setup (or one template) and returns it normalised: codes upper-cased and trimmed as BC
 * does on entry, blanks as "no value". Every problem is collected, each naming its field, so one answer tells the
 * caller everything to fix.
 */
public final class SetupValidator {

    private final Predicate<String> numberSeriesExists;

    /** @param numberSeriesExists whether a number series with this (normalised) code exists */
    public SetupValidator(Predicate<String> numberSeriesExists) {
        this.numberSeriesExists = numberSeriesExists;
    }

    /** @throws InvalidRequestException listing every problem */
    public MarketingSetup validate(MarketingSetup input) {
        List<String> problems = new ArrayList<>();
        String customers = code(problems, "busRelCodeForCustomers", input.busRelCodeForCustomers(),
                MarketingSetup.BUS_REL_CODE_LENGTH);
        String vendors = code(problems, "busRelCodeForVendors", input.busRelCodeForVendors(),
                MarketingSetup.BUS_REL_CODE_LENGTH);
        String bankAccounts = code(problems, "busRelCodeForBankAccounts", input.busRelCodeForBankAccounts(),
                MarketingSetup.BUS_REL_CODE_LENGTH);
        String contactNos = series(problems, "contactNos", input.contactNos());
        String customerNos = series(problems, "customerNos", input.customerNos());
        String vendorNos = series(problems, "vendorNos", input.vendorNos());
        String bankAccountNos = series(problems, "bankAccountNos", input.bankAccountNos());
        List<RecordTemplate> customerTemplates = templates(problems, TemplateKind.CUSTOMER, input.customerTemplates());
        List<RecordTemplate> vendorTemplates = templates(problems, TemplateKind.VENDOR, input.vendorTemplates());
        Map<String, String> interactionTemplates = interactionTemplates(problems, input.interactionTemplates());
        String policy = input.conflictPolicy() == null || input.conflictPolicy().isBlank()
                ? ConflictPolicy.LATEST_WINS.wireName() : input.conflictPolicy().strip();
        if (ConflictPolicy.fromWireName(policy).isEmpty()) {
            problems.add("conflictPolicy: " + policy + " is not one of " + Arrays.stream(ConflictPolicy.values())
                    .map(ConflictPolicy::wireName).collect(Collectors.joining(", ")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new MarketingSetup(customers, vendors, bankAccounts, contactNos, customerNos, vendorNos,
                bankAccountNos, customerTemplates, vendorTemplates, interactionTemplates, policy, input.version());
    }

    /** One template as given to {@code PUT /api/setup/<kind>-templates/{code}}; the code comes from the path. */
    public RecordTemplate validateTemplate(TemplateKind kind, String code, RecordTemplate input) {
        List<String> problems = new ArrayList<>();
        RecordTemplate template = template(problems, kind, kind.setupField() + "[" + code + "]",
                new RecordTemplate(code, input == null ? null : input.description(),
                        input == null ? null : input.values()));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return template;
    }

    /** BC's Code type: upper-case, no leading or trailing blanks; blank is no value. */
    public static String normaliseCode(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private String series(List<String> problems, String field, String value) {
        String code = code(problems, field, value, 20);
        if (code != null && code.length() <= 20 && !numberSeriesExists.test(code)) {
            problems.add(field + ": number series " + code + " does not exist");
        }
        return code;
    }

    private static List<RecordTemplate> templates(List<String> problems, TemplateKind kind,
            List<RecordTemplate> templates) {
        List<RecordTemplate> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            RecordTemplate given = templates.get(i);
            String normalised = given == null ? null : normaliseCode(given.code());
            String field = kind.setupField() + "[" + (normalised == null ? String.valueOf(i) : normalised) + "]";
            if (given == null) {
                problems.add(field + ": must not be null");
                continue;
            }
            RecordTemplate template = template(problems, kind, field, given);
            if (template.code() != null && !seen.add(template.code())) {
                problems.add(field + ": template " + template.code() + " appears more than once");
            }
            result.add(template);
        }
        return result;
    }

    private static RecordTemplate template(List<String> problems, TemplateKind kind, String field,
            RecordTemplate given) {
        String code = normaliseCode(given.code());
        if (code == null) {
            problems.add(field + ".code: must have a value");
        } else {
            length(problems, field + ".code", code, RecordTemplate.CODE_LENGTH);
        }
        String description = given.description() == null || given.description().isBlank() ? null
                : given.description().strip();
        if (description != null) {
            length(problems, field + ".description", description, RecordTemplate.DESCRIPTION_LENGTH);
        }
        Map<String, String> values = new LinkedHashMap<>();
        given.values().forEach((name, value) -> {
            String valueField = field + ".values." + name;
            if (name == null || name.isBlank()) {
                problems.add(field + ".values: a field name must have a value");
                return;
            }
            // A common field (Country/Region Code, Currency Code, ...) is allowed, as in BC's templates: applied
            // after the contact's fields, its value wins on the new record and then reaches the contact.
            Optional<CommonField> common = CommonField.fromFieldName(name.strip());
            if (common.isPresent() && !common.get().appliesTo(kind.recordType())) {
                problems.add(valueField + ": " + name.strip() + " is not a field of a " + kind.wireName());
            } else if (length(problems, valueField, name.strip(), RecordTemplate.FIELD_NAME_LENGTH)) {
                int maxLength = common.map(CommonField::maxLength).orElse(RecordTemplate.VALUE_LENGTH);
                if (value == null || value.isBlank()) {
                    problems.add(valueField + ": must have a value (leave the field out instead)");
                } else if (length(problems, valueField, value, maxLength)) {
                    values.put(name.strip(), common.isPresent() && common.get().kind() == CommonField.Kind.CODE
                            ? normaliseCode(value) : value);
                }
            }
        });
        return new RecordTemplate(code, description, values);
    }

    private static Map<String, String> interactionTemplates(List<String> problems, Map<String, String> given) {
        Map<String, String> result = new LinkedHashMap<>();
        given.forEach((documentType, templateCode) -> {
            String field = "interactionTemplates." + documentType;
            if (DocumentType.fromWireName(documentType).isEmpty()) {
                problems.add(field + ": " + documentType + " is not a document type (one of "
                        + Arrays.stream(DocumentType.values()).map(DocumentType::wireName)
                                .collect(Collectors.joining(", ")) + ")");
                return;
            }
            String code = code(problems, field, templateCode, MarketingSetup.INTERACTION_TEMPLATE_CODE_LENGTH);
            if (code != null) {
                result.put(documentType, code);
            }
        });
        return result;
    }

    private static String code(List<String> problems, String field, String value, int max) {
        String code = normaliseCode(value);
        if (code != null) {
            length(problems, field, code, max);
        }
        return code;
    }

    private static boolean length(List<String> problems, String field, String value, int max) {
        if (value.length() > max) {
            problems.add(field + ": " + value.length() + " characters, at most " + max + " allowed");
            return false;
        }
        return true;
    }
}
