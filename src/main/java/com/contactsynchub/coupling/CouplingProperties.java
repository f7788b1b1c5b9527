package com.contactsynchub.coupling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.contactsynchub.contract.CommonField;

/**
 * {@code hub.coupling.*}: the match rules in the order they are tried, the legal forms the company-name normaliser
 * drops, the drop folder for coupling requests, how long a run may go without a heartbeat (renewed after every
 * batch of proposals) before another hub (or the restarted one) resumes it, and the proposals per batch. Checked at start: a bad rule stops the hub with a message naming it, rather than
 * matching wrongly on day one.
 */
@ConfigurationProperties("hub.coupling")
public record CouplingProperties(List<RuleSettings> rules, List<String> legalSuffixes, Path inbox,
        Duration claimTimeout, Duration resumeCheckInterval, Integer batchSize) {

    /** One rule as configured; {@code enabled: false} keeps it written down but unused. */
    public record RuleSettings(String name, List<FieldSettings> fields, Double fuzzyThreshold, Boolean enabled) {
    }

    public record FieldSettings(String field, String normaliser) {
    }

    public CouplingProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        legalSuffixes = legalSuffixes == null ? List.of() : List.copyOf(legalSuffixes);
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(30) : claimTimeout;
        resumeCheckInterval = resumeCheckInterval == null ? Duration.ofSeconds(10) : resumeCheckInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.coupling.batch-size must be at least 1, not " + batchSize);
        }
        matchRules(rules); // every problem of the rules, at start
    }

    /** The enabled rules, checked: unique names, known fields and normalisers, a threshold between 0 and 1. */
    public List<MatchRule> matchRules() {
        return matchRules(rules);
    }

    /** Upper case letters and digits, as {@link Normaliser#COMPANY_NAME} compares them: "Ltd." -> "LTD". */
    public Set<String> normalisedLegalSuffixes() {
        return legalSuffixes.stream().map(s -> Normaliser.letterAndDigitWords(s).replace(" ", ""))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static List<MatchRule> matchRules(List<RuleSettings> settings) {
        List<String> problems = new ArrayList<>();
        List<MatchRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < settings.size(); i++) {
            RuleSettings rule = settings.get(i);
            String where = "hub.coupling.rules[" + i + "]";
            if (rule.name() == null || rule.name().isBlank()) {
                problems.add(where + ".name: must have a value");
            } else if (!names.add(rule.name())) {
                problems.add(where + ".name: '" + rule.name() + "' is the name of an earlier rule too");
            }
            if (rule.fields() == null || rule.fields().isEmpty()) {
                problems.add(where + ".fields: at least one field is needed");
                continue;
            }
            if (rule.fuzzyThreshold() != null && (rule.fuzzyThreshold() <= 0 || rule.fuzzyThreshold() > 1)) {
                problems.add(where + ".fuzzy-threshold: must be above 0 and at most 1, not " + rule.fuzzyThreshold());
            }
            List<MatchRule.Field> fields = new ArrayList<>();
            for (int j = 0; j < rule.fields().size(); j++) {
                FieldSettings field = rule.fields().get(j);
                String at = where + ".fields[" + j + "]";
                var common = CommonField.fromFieldName(field.field());
                var normaliser = Normaliser.fromConfigName(field.normaliser() == null ? "exact" : field.normaliser());
                if (common.isEmpty()) {
                    problems.add(at + ".field: '" + field.field() + "' is not a common field (see docs/messages.md)");
                }
                if (normaliser.isEmpty()) {
                    problems.add(at + ".normaliser: '" + field.normaliser() + "' is not one of "
                            + Normaliser.configNames());
                }
                if (common.isPresent() && normaliser.isPresent()) {
                    fields.add(new MatchRule.Field(common.get(), normaliser.get()));
                }
            }
            if (!Boolean.FALSE.equals(rule.enabled())) {
                rules.add(new MatchRule(rule.name(), fields, rule.fuzzyThreshold()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("hub.coupling.rules: " + String.join("; ", problems));
        }
        return List.copyOf(rules);
    }
}
