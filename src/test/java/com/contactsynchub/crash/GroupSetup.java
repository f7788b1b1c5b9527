package com.contactsynchub.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Makes the groups the way users would, through messages only: each system announces its records
 * ({@code contact.created}, {@code customer.created}, {@code vendor.created}), and once the hub knows them the
 * contact system asks to link them ({@code link.requested}, the contact as master, docs/linking.md). The finance
 * records start with a different name and city, so linking sends them the contact's values once.
 */
final class GroupSetup {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private GroupSetup() {
    }

    static List<Group> groups(int count) {
        List<Group> groups = new ArrayList<>();
        for (int g = 1; g <= count; g++) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", "Company " + g);
            values.put("address", g + " Setup Road");
            values.put("city", "Setup City " + g);
            values.put("phoneNo", "+1 000 " + g);
            values.put("email", "info@g" + g + ".example.com");
            Map<String, String> financeValues = new LinkedHashMap<>(values);
            financeValues.put("name", "Finance name of group " + g);
            financeValues.put("city", "Old City " + g);
            SimRecord contact = new SimRecord(RecordKind.CONTACT, String.format("CON%04d", g), g, values);
            SimRecord customer = new SimRecord(RecordKind.CUSTOMER, String.format("CUS%04d", g), g, financeValues);
            SimRecord vendor = g % 3 == 0
                    ? new SimRecord(RecordKind.VENDOR, String.format("VEN%04d", g), g, financeValues) : null;
            groups.add(new Group(g, contact, customer, vendor));
        }
        return groups;
    }

    /** Creates and links every group; returns when all links are active. */
    static void run(List<Group> groups, SystemsSimulator simulator, HubApi hub, GroundTruth truth) {
        for (Group group : groups) {
            long at = simulator.crm().create(group.contact());
            group.contact().snapshot().forEach((field, value) ->
                    truth.edited(group.index(), field, new GroundTruth.Edit(0, group.contact().toString(), at, value)));
            for (SimRecord record : group.members().subList(1, group.members().size())) {
                simulator.erp().create(record);
            }
        }
        // link.requested needs both records known to the hub, and they arrive on two queues in no common order.
        Set<SimRecord> unknown = new HashSet<>();
        groups.forEach(g -> unknown.addAll(g.members()));
        Awaitility.await("the hub knows every record").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .pollInSameThread().until(() -> {
                    unknown.removeIf(r -> hub.knows(r.kind(), r.no()));
                    return unknown.isEmpty();
                });

        List<String> requests = new ArrayList<>();
        for (Group group : groups) {
            for (SimRecord record : group.members().subList(1, group.members().size())) {
                requests.add(simulator.crm().requestLink(group.contact(), record.kind().wireName(), record.no(),
                        "contact"));
            }
        }
        Map<String, JsonNode> answers = simulator.crm().answers();
        Awaitility.await("answers to " + requests.size() + " link requests").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500)).pollInSameThread()
                .until(() -> answers.keySet().containsAll(requests));
        List<String> refused = requests.stream().map(answers::get)
                .filter(a -> !"request.completed".equals(a.path("type").asText())).map(JsonNode::toString).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Link requests were refused: " + refused);
        }
        long vendors = groups.stream().filter(g -> g.vendor() != null).count();
        Awaitility.await("active links").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .until(() -> hub.activeLinks("customer") == groups.size() && hub.activeLinks("vendor") == vendors);
    }
}
