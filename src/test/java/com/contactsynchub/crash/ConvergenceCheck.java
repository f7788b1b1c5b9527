package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The end state against the truth, on the systems' own records (what a user would see): every group agrees on every
 * field its members have, and under latest-wins every field holds the group's latest edit by occurredAt.
 */
final class ConvergenceCheck {

    enum Kind { NOT_CONVERGED, OLDER_EDIT }

    /** One field of one group that is wrong; {@code record} is the member holding the wrong value (OLDER_EDIT). */
    record Finding(Kind kind, Group group, String field, SimRecord record, String text) {
    }

    private ConvergenceCheck() {
    }

    static List<Finding> check(List<Group> groups, GroundTruth truth, String hubBase) {
        List<Finding> findings = new ArrayList<>();
        for (Group group : groups) {
            Map<SimRecord, Map<String, String>> values = new java.util.LinkedHashMap<>();
            Set<String> fields = new LinkedHashSet<>(EditStream.FIELDS);
            for (SimRecord member : group.members()) {
                Map<String, String> snapshot = member.snapshot();
                values.put(member, snapshot);
                fields.addAll(snapshot.keySet());
            }
            for (String field : fields) {
                Set<String> distinct = new LinkedHashSet<>();
                values.values().forEach(v -> distinct.add(v.get(field)));
                if (distinct.size() > 1) {
                    List<String> held = new ArrayList<>();
                    values.forEach((member, v) -> held.add(member + " = " + describe(truth, field, v.get(field))));
                    findings.add(new Finding(Kind.NOT_CONVERGED, group, field, null, group.describe() + " "
                            + field + " differs: " + String.join("; ", held)));
                }
                var expected = truth.latest(group.index(), field);
                if (expected.isEmpty()) {
                    continue;
                }
                for (Map.Entry<SimRecord, Map<String, String>> member : values.entrySet()) {
                    String actual = member.getValue().get(field);
                    if (!Objects.equals(actual, expected.get().value())) {
                        String age = truth.madeBy(field, actual)
                                .map(e -> String.format(" (%d ms older)", expected.get().occurredAt() - e.occurredAt()))
                                .orElse("");
                        findings.add(new Finding(Kind.OLDER_EDIT, group, field, member.getKey(), "group "
                                + group.index() + " " + field + ": " + member.getKey() + " holds "
                                + describe(truth, field, actual) + age + ", the latest is "
                                + expected.get().describe() + "; journal: GET " + hubBase
                                + HubApi.journalPath(member.getKey().kind(), member.getKey().no())));
                    }
                }
            }
        }
        return findings;
    }

    private static String describe(GroundTruth truth, String field, String value) {
        return truth.madeBy(field, value).map(GroundTruth.Edit::describe)
                .orElse("'" + value + "' (no user's edit)");
    }
}
