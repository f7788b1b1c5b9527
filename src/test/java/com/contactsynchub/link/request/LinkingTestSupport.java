package com.contactsynchub.link.request;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.numberseries.NumberSeries;
import com.contactsynchub.numberseries.NumberSeriesRepository;
import com.contactsynchub.reference.ReferenceProblem;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.crm.UserRequests;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the linking end-to-end tests share: records in the reference systems, requests, answers, setup changes. */
abstract class LinkingTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    UserRequests requests;
    @Autowired
    LinkRegistry links;
    @Autowired
    KnownRecords known;
    @Autowired
    Journal journal;
    @Autowired
    SetupService setup;
    @Autowired
    NumberSeriesRepository numberSeries;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    String company(String name, Map<CommonField, String> more) {
        String no = "CT" + unique();
        Map<CommonField, String> fields = new HashMap<>(more);
        fields.put(CommonField.NAME, name);
        crm.create(no, "company", null, false, fields);
        awaitKnown(RecordType.CONTACT, no);
        return no;
    }

    String person(String name, String companyNo, boolean privacyBlocked) {
        String no = "CT" + unique();
        crm.create(no, "person", companyNo, privacyBlocked, Map.of(CommonField.NAME, name));
        awaitKnown(RecordType.CONTACT, no);
        return no;
    }

    String financeRecord(FinanceKind kind, String prefix, Map<CommonField, String> fields) {
        String no = prefix + unique();
        erp.create(kind, no, kind == FinanceKind.CUSTOMER ? "company" : null, fields, Map.of());
        awaitKnown(kind.recordType(), no);
        return no;
    }

    void awaitKnown(RecordType type, String no) {
        await().atMost(WAIT).until(() -> known.find(type, no).isPresent());
    }

    /** Sends a request as a user of the contact system would; returns its messageId. */
    String request(String type, String contactNo, String... fieldsAndValues) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type);
        body.put("contactNo", contactNo);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return requests.send(body);
    }

    /**
     * The hub's answer as the contact system stored it. A request put on crm.events through the admin API is unknown
     * to the contact system (not found) until the hub's answer reaches it.
     */
    UserRequests.RequestStatus answer(String requestId) {
        await().atMost(WAIT).ignoreExceptionsMatching(e -> e instanceof ReferenceProblem problem
                && problem.kind() == ReferenceProblem.Kind.NOT_FOUND)
                .until(() -> !requests.status(requestId).status().equals("pending"));
        return requests.status(requestId);
    }

    String rejection(String requestId) {
        var status = answer(requestId);
        if (!status.status().equals("rejected")) {
            throw new AssertionError("expected a rejection, got " + status.answer());
        }
        return status.answer().path("reason").asText();
    }

    int commands(String target, String type) {
        return jdbc.queryForObject("select count(*) from outbound_command where group_id = :target and type = :type",
                new MapSqlParameterSource("target", target).addValue("type", type), Integer.class);
    }

    List<String> decisions(String recordType, String no) {
        return journal.forRecord(recordType, no, 50).stream().map(JournalEntry::decision).toList();
    }

    void awaitDecision(String recordType, String no, String decision) {
        await().atMost(WAIT).until(() -> decisions(recordType, no).contains(decision));
    }

    /** Runs {@code test} with a changed setup and restores the setup afterwards (the tests share one hub). */
    <T> T withSetup(Map<String, String> changes, Supplier<T> test) {
        MarketingSetup before = setup.current();
        setup.replace(changed(before, changes));
        try {
            return test.get();
        } finally {
            setup.replace(before);
        }
    }

    void withSetup(Map<String, String> changes, Runnable test) {
        withSetup(changes, () -> {
            test.run();
            return null;
        });
    }

    /** A number series of its own, so that numbers never collide with another test's records. */
    String ownSeries(String prefix) {
        String code = "T" + unique();
        numberSeries.save(new NumberSeries(code, "linking test", prefix + unique() + "01", null, 1, null));
        return code;
    }

    private static MarketingSetup changed(MarketingSetup s, Map<String, String> c) {
        return new MarketingSetup(
                c.getOrDefault("busRelCodeForCustomers", s.busRelCodeForCustomers()),
                c.getOrDefault("busRelCodeForVendors", s.busRelCodeForVendors()),
                c.getOrDefault("busRelCodeForBankAccounts", s.busRelCodeForBankAccounts()),
                c.getOrDefault("contactNos", s.contactNos()),
                c.getOrDefault("customerNos", s.customerNos()),
                c.getOrDefault("vendorNos", s.vendorNos()),
                c.getOrDefault("bankAccountNos", s.bankAccountNos()),
                s.customerTemplates(), s.vendorTemplates(), s.interactionTemplates(), s.conflictPolicy(), null);
    }
}
