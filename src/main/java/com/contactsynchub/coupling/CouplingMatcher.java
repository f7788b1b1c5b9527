package com.contactsynchub.coupling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.contactsynchub.coupling.Proposal.Action;
import com.contactsynchub.coupling.Proposal.Category;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Proposes a contact for each finance record (match-based coupling, docs/linking.md): the rules are tried in order
 * and the first that finds any contact decides. One contact: proposed. Several: ambiguous, none linked. None by any
 * rule: unmatched. A record that is linked already, or whose one contact already holds a link of the type, is a
 * conflict; one contact found for several records is ambiguous for all of them (only one could be linked, and which
 * one is the user's call). Plain Java: everything it needs is handed in.
 */
public class CouplingMatcher {

    /** A contact that may be linked: a company, or a person without a company. */
    public record Candidate(String contactNo, JsonNode fields) {
    }

    /** A customer, vendor or bank account with its common fields. */
    public record FinanceRecord(String no, JsonNode fields) {
    }

    /** A link of the run's type that exists already. */
    public record ExistingLink(String contactNo, String recordNo, String status) {
    }

    private final List<MatchRule> rules;
    private final Set<String> legalSuffixes;

    public CouplingMatcher(List<MatchRule> rules, Set<String> legalSuffixes) {
        this.rules = List.copyOf(rules);
        this.legalSuffixes = Set.copyOf(legalSuffixes);
    }

    /** @return one proposal per record, in record no. order */
    public List<Proposal> match(LinkType type, List<FinanceRecord> records, List<Candidate> contacts,
            List<ExistingLink> links, boolean createContacts) {
        List<RuleIndex> indexes = rules.stream().map(rule -> new RuleIndex(rule, contacts)).toList();
        Map<String, ExistingLink> byRecord = new HashMap<>();
        Map<String, ExistingLink> byContact = new HashMap<>();
        for (ExistingLink link : links) {
            byRecord.put(link.recordNo(), link);
            byContact.put(link.contactNo(), link);
        }
        List<Proposal> proposals = new ArrayList<>();
        for (FinanceRecord record : records.stream().sorted(Comparator.comparing(FinanceRecord::no)).toList()) {
            ExistingLink linked = byRecord.get(record.no());
            if (linked != null) {
                proposals.add(new Proposal(record.no(), name(record), Category.CONFLICT, null, linked.contactNo(),
                        List.of(), type.caption() + " " + record.no() + " is linked already with contact "
                                + linked.contactNo() + " (" + linked.status() + ")", Action.NONE));
                continue;
            }
            proposals.add(firstMatch(type, record, indexes, byContact, createContacts));
        }
        return oneRecordPerContact(type, proposals);
    }

    private Proposal firstMatch(LinkType type, FinanceRecord record, List<RuleIndex> indexes,
            Map<String, ExistingLink> byContact, boolean createContacts) {
        for (RuleIndex index : indexes) {
            Optional<List<String>> values = index.rule.values(record.fields(), legalSuffixes);
            if (values.isEmpty()) {
                continue; // a field of the rule is blank on the record: the rule says nothing
            }
            List<String> found = index.find(values.get());
            if (found.size() > 1) {
                return new Proposal(record.no(), name(record), Category.AMBIGUOUS, index.rule.name(), null, found,
                        found.size() + " contacts match by " + index.rule.name() + "; none is linked",
                        Action.NONE);
            }
            if (found.size() == 1) {
                String contactNo = found.get(0);
                ExistingLink held = byContact.get(contactNo);
                if (held != null) {
                    // BC's own message for the link request that would follow
                    return new Proposal(record.no(), name(record), Category.CONFLICT, index.rule.name(), contactNo,
                            found, "Contact " + contactNo + " already has a " + type.caption() + " with No. "
                                    + held.recordNo() + ".", Action.NONE);
                }
                return new Proposal(record.no(), name(record), Category.PROPOSED, index.rule.name(), contactNo,
                        found, "matched by " + index.rule.name(), Action.LINK);
            }
        }
        return new Proposal(record.no(), name(record), Category.UNMATCHED, null, null, List.of(),
                createContacts ? "no rule found a contact; a contact is created" : "no rule found a contact; left alone",
                createContacts ? Action.CREATE_CONTACT : Action.NONE);
    }

    /** A contact proposed for several records is linked to none of them: they are all ambiguous. */
    private static List<Proposal> oneRecordPerContact(LinkType type, List<Proposal> proposals) {
        Map<String, List<String>> recordsByContact = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            if (p.category() == Category.PROPOSED) {
                recordsByContact.computeIfAbsent(p.contactNo(), c -> new ArrayList<>()).add(p.recordNo());
            }
        }
        return proposals.stream().map(p -> {
            List<String> rivals = p.category() == Category.PROPOSED ? recordsByContact.get(p.contactNo()) : null;
            if (rivals == null || rivals.size() == 1) {
                return p;
            }
            return p.withCategory(Category.AMBIGUOUS, List.of(p.contactNo()), "contact " + p.contactNo()
                    + " matches " + rivals.size() + " " + type.caption().toLowerCase() + " records by " + p.rule()
                    + " (" + String.join(", ", rivals) + "); none is linked", Action.NONE);
        }).toList();
    }

    private static String name(FinanceRecord record) {
        JsonNode name = record.fields().get("name");
        return name == null || name.isNull() ? null : name.asText();
    }

    /** The contacts under one rule's key: exact rules look up, fuzzy rules compare within the key's contacts. */
    private final class RuleIndex {
        private final MatchRule rule;
        private final Map<String, List<Keyed>> byKey = new HashMap<>();

        private record Keyed(String contactNo, String first) {
        }

        RuleIndex(MatchRule rule, List<Candidate> contacts) {
            this.rule = rule;
            for (Candidate contact : contacts) {
                rule.values(contact.fields(), legalSuffixes).ifPresent(values -> byKey.computeIfAbsent(
                        rule.key(values), k -> new ArrayList<>()).add(new Keyed(contact.contactNo(), values.get(0))));
            }
        }

        /** The matching contacts' numbers, sorted (the report lists them the same way every time). */
        List<String> find(List<String> values) {
            List<Keyed> sameKey = byKey.getOrDefault(rule.key(values), List.of());
            TreeSet<String> found = new TreeSet<>();
            for (Keyed keyed : sameKey) {
                if (!rule.isFuzzy()) {
                    found.add(keyed.contactNo());
                } else if (Similarity.upperBound(values.get(0), keyed.first()) >= rule.fuzzyThreshold()
                        && Similarity.of(values.get(0), keyed.first()) >= rule.fuzzyThreshold()) {
                    found.add(keyed.contactNo());
                }
            }
            return List.copyOf(found);
        }
    }
}
