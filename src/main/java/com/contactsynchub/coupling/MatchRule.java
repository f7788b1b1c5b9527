package com.contactsynchub.coupling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.contactsynchub.contract.CommonField;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One match rule of hub.coupling.rules: the fields two records must agree on, each made comparable by its
 * normaliser. An exact rule needs all fields equal. A fuzzy rule ({@code fuzzyThreshold} set) compares its FIRST
 * field by similarity (at least the threshold) and needs the others equal: they keep the comparison to a few
 * candidates instead of every contact.
 */
public record MatchRule(String name, List<Field> fields, Double fuzzyThreshold) {

    private static final String SEPARATOR = "\u001F";

    public record Field(CommonField field, Normaliser normaliser) {
        @Override
        public String toString() {
            return field.fieldName() + " (" + normaliser.configName() + ")";
        }
    }

    public MatchRule {
        fields = List.copyOf(fields);
    }

    public boolean isFuzzy() {
        return fuzzyThreshold != null;
    }

    /** The comparable values of the record's fields, or empty when one of them is missing (the rule does not apply). */
    Optional<List<String>> values(JsonNode recordFields, Set<String> legalSuffixes) {
        List<String> values = new ArrayList<>(fields.size());
        for (Field f : fields) {
            JsonNode value = recordFields.get(f.field().fieldName());
            String normalised = f.normaliser().apply(value == null || value.isNull() ? null : value.asText(),
                    legalSuffixes);
            if (normalised.isEmpty()) {
                return Optional.empty();
            }
            values.add(normalised);
        }
        return Optional.of(values);
    }

    /** All values as one key (exact rules); for fuzzy rules the values that must be equal. */
    String key(List<String> values) {
        return String.join(SEPARATOR, isFuzzy() ? values.subList(1, values.size()) : values);
    }

    String describe() {
        return name + ": " + fields.stream().map(Field::toString).collect(Collectors.joining(" + "))
                + (isFuzzy() ? ", first field similar at least " + fuzzyThreshold : "");
    }
}
