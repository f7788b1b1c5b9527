package com.contactsynchub.crash;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the users did, as the simulator knows it: for every group and field the latest edit by {@code occurredAt}
 * (under latest-wins that is the value every member must end with), and for every value the edit that made it
 * (values are unique per edit, so a wrong value names the edit it came from).
 */
final class GroundTruth {

    /** One user's edit of one field; editNo 0 is the master's value when the group was linked. */
    record Edit(long editNo, String record, long occurredAt, String value) {

        String describe() {
            return (editNo == 0 ? "link baseline" : "edit #" + editNo) + " '" + value + "' (" + record + " at "
                    + SimClock.iso(occurredAt) + ")";
        }
    }

    private final Map<Integer, Map<String, Edit>> latest = new HashMap<>();
    private final Map<String, Edit> byValue = new HashMap<>();

    synchronized void edited(int group, String field, Edit edit) {
        latest.computeIfAbsent(group, g -> new HashMap<>())
                .merge(field, edit, (a, b) -> a.occurredAt() >= b.occurredAt() ? a : b);
        byValue.put(field + "=" + edit.value(), edit);
    }

    synchronized Optional<Edit> latest(int group, String field) {
        return Optional.ofNullable(latest.getOrDefault(group, Map.of()).get(field));
    }

    synchronized Optional<Edit> madeBy(String field, String value) {
        return Optional.ofNullable(byValue.get(field + "=" + value));
    }
}
