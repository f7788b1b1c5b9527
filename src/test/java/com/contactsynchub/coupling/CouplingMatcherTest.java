package com.contactsynchub.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.contactsynchub.coupling.CouplingMatcher.Candidate;
import com.contactsynchub.coupling.CouplingMatcher.ExistingLink;
import com.contactsynchub.coupling.CouplingMatcher.FinanceRecord;
import com.contactsynchub.coupling.CouplingProperties.FieldSettings;
import com.contactsynchub.coupling.CouplingProperties.RuleSettings;
import com.contactsynchub.coupling.Proposal.Action;
import com.contactsynchub.coupling.Proposal.Category;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CouplingMatcherTest {

    /** The rules of application.yml, with the fuzzy rule switched on. */
    static CouplingProperties properties(boolean fuzzy) {
        return new CouplingProperties(List.of(
                new RuleSettings("vat", List.of(new FieldSettings("vatRegistrationNo", "alphanumeric")), null, null),
                new RuleSettings("email", List.of(new FieldSettings("email", "case-and-spaces")), null, null),
                new RuleSettings("name-post-code", List.of(new FieldSettings("name", "company-name"),
                        new FieldSettings("postCode", "alphanumeric")), null, null),
                new RuleSettings("fuzzy-name", List.of(new FieldSettings("name", "company-name"),
                        new FieldSettings("postCode", "alphanumeric")), 0.85, fuzzy)),
                List.of("Inc.", "Ltd.", "GmbH", "Co.", "S.A."), null, null, null, null);
    }

    private static CouplingMatcher matcher(boolean fuzzy) {
        CouplingProperties p = properties(fuzzy);
        return new CouplingMatcher(p.matchRules(), p.normalisedLegalSuffixes());
    }

    private static ObjectNode fields(String... namesAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    private static Map<String, Proposal> byRecord(List<Proposal> proposals) {
        Map<String, Proposal> map = new java.util.HashMap<>();
        proposals.forEach(p -> map.put(p.recordNo(), p));
        return map;
    }

    @Test
    void rulesAreTriedInOrderAndTheFirstThatFindsAContactDecides() {
        List<Candidate> contacts = List.of(
                new Candidate("CT01", fields("name", "Contoso Ltd", "vatRegistrationNo", "GB 123 456 789")),
                new Candidate("CT02", fields("name", "Fabrikam", "email", "info@fabrikam.example")),
                new Candidate("CT03", fields("name", "Adatum Corp.", "postCode", "SW1A 1AA")),
                // same VAT as CT01's record would match by name too, but VAT comes first
                new Candidate("CT04", fields("name", "Contoso", "postCode", "EC1")));
        List<FinanceRecord> records = List.of(
                new FinanceRecord("C01", fields("name", "Contoso", "postCode", "EC1", "vatRegistrationNo",
                        "gb123456789")),
                new FinanceRecord("C02", fields("name", "Fabrikam Inc.", "email", " INFO@Fabrikam.example")),
                new FinanceRecord("C03", fields("name", "ADATUM CORP", "postCode", "sw1a1aa")),
                new FinanceRecord("C04", fields("name", "Nobody", "postCode", "X1")));

        Map<String, Proposal> result = byRecord(matcher(false).match(LinkType.CUSTOMER, records, contacts, List.of(),
                false));

        assertThat(result.get("C01")).extracting(Proposal::category, Proposal::rule, Proposal::contactNo,
                Proposal::action).containsExactly(Category.PROPOSED, "vat", "CT01", Action.LINK);
        assertThat(result.get("C02")).extracting(Proposal::category, Proposal::rule, Proposal::contactNo)
                .containsExactly(Category.PROPOSED, "email", "CT02");
        assertThat(result.get("C03")).extracting(Proposal::category, Proposal::rule, Proposal::contactNo)
                .containsExactly(Category.PROPOSED, "name-post-code", "CT03");
        assertThat(result.get("C04")).extracting(Proposal::category, Proposal::action)
                .containsExactly(Category.UNMATCHED, Action.NONE);
    }

    @Test
    void severalContactsForOneRecordAreAmbiguousAndListedNoneLinked() {
        List<Candidate> contacts = List.of(
                new Candidate("CT02", fields("name", "Litware, Inc.", "postCode", "10001")),
                new Candidate("CT01", fields("name", "LITWARE", "postCode", "10001")));
        List<Proposal> result = matcher(false).match(LinkType.CUSTOMER, List.of(new FinanceRecord("C01",
                fields("name", "Litware", "postCode", "10001"))), contacts, List.of(), true);

        assertThat(result).singleElement().satisfies(p -> {
            assertThat(p.category()).isEqualTo(Category.AMBIGUOUS);
            assertThat(p.candidates()).containsExactly("CT01", "CT02");
            assertThat(p.contactNo()).isNull();
            assertThat(p.action()).isEqualTo(Action.NONE);
            assertThat(p.rule()).isEqualTo("name-post-code");
        });
    }

    @Test
    void oneContactForSeveralRecordsIsAmbiguousForAllOfThem() {
        List<Candidate> contacts = List.of(new Candidate("CT01", fields("vatRegistrationNo", "FR1")));
        List<Proposal> result = matcher(false).match(LinkType.VENDOR, List.of(
                new FinanceRecord("V1", fields("vatRegistrationNo", "FR 1")),
                new FinanceRecord("V2", fields("vatRegistrationNo", "fr1"))), contacts, List.of(), false);

        assertThat(result).extracting(Proposal::category).containsOnly(Category.AMBIGUOUS);
        assertThat(result.get(0).reason()).contains("V1, V2");
    }

    @Test
    void linkedRecordsAndContactsThatHoldTheTypeAreConflicts() {
        List<Candidate> contacts = List.of(new Candidate("CT01", fields("email", "a@x.example")),
                new Candidate("CT02", fields("email", "b@x.example")));
        List<ExistingLink> links = List.of(new ExistingLink("CT09", "C01", "active"),
                new ExistingLink("CT02", "C99", "pending"));
        Map<String, Proposal> result = byRecord(matcher(false).match(LinkType.CUSTOMER, List.of(
                new FinanceRecord("C01", fields("email", "a@x.example")),
                new FinanceRecord("C02", fields("email", "b@x.example"))), contacts, links, true));

        assertThat(result.get("C01")).extracting(Proposal::category, Proposal::contactNo, Proposal::action)
                .containsExactly(Category.CONFLICT, "CT09", Action.NONE);
        assertThat(result.get("C01").reason()).isEqualTo("Customer C01 is linked already with contact CT09 (active)");
        assertThat(result.get("C02").category()).isEqualTo(Category.CONFLICT);
        assertThat(result.get("C02").reason()).isEqualTo("Contact CT02 already has a Customer with No. C99.");
    }

    @Test
    void unmatchedRecordsGetAContactOnlyWhenAsked() {
        List<FinanceRecord> records = List.of(new FinanceRecord("C01", fields("name", "Alone")));
        assertThat(matcher(false).match(LinkType.CUSTOMER, records, List.of(), List.of(), true).get(0).action())
                .isEqualTo(Action.CREATE_CONTACT);
        assertThat(matcher(false).match(LinkType.CUSTOMER, records, List.of(), List.of(), false).get(0).action())
                .isEqualTo(Action.NONE);
    }

    @Test
    void aBlankFieldSkipsTheRuleInsteadOfMatchingEveryBlank() {
        List<Candidate> contacts = List.of(new Candidate("CT01", fields("name", "A", "email", "")),
                new Candidate("CT02", fields("name", "B")));
        List<Proposal> result = matcher(false).match(LinkType.CUSTOMER, List.of(new FinanceRecord("C01",
                fields("name", "C", "email", " "))), contacts, List.of(), false);
        assertThat(result.get(0).category()).isEqualTo(Category.UNMATCHED);
    }

    @Test
    void theFuzzyRuleFindsTyposAboveItsThresholdWithinTheSamePostCode() {
        List<Candidate> contacts = List.of(new Candidate("CT01", fields("name", "Northwind Traders", "postCode",
                "98052")), new Candidate("CT02", fields("name", "Northwind Traders", "postCode", "11111")));
        List<FinanceRecord> records = List.of(
                new FinanceRecord("C01", fields("name", "Nortwind Traders Ltd", "postCode", "98052")),
                new FinanceRecord("C02", fields("name", "Southwind Tours", "postCode", "98052")));

        Map<String, Proposal> off = byRecord(matcher(false).match(LinkType.CUSTOMER, records, contacts, List.of(),
                false));
        Map<String, Proposal> on = byRecord(matcher(true).match(LinkType.CUSTOMER, records, contacts, List.of(),
                false));

        assertThat(off.get("C01").category()).isEqualTo(Category.UNMATCHED);
        assertThat(on.get("C01")).extracting(Proposal::category, Proposal::rule, Proposal::contactNo)
                .containsExactly(Category.PROPOSED, "fuzzy-name", "CT01");
        assertThat(on.get("C02").category()).isEqualTo(Category.UNMATCHED);
    }

    @Test
    void proposalsComeInRecordNoOrder() {
        List<FinanceRecord> records = new ArrayList<>(List.of(new FinanceRecord("C3", fields()),
                new FinanceRecord("C1", fields()), new FinanceRecord("C2", fields())));
        assertThat(matcher(false).match(LinkType.CUSTOMER, records, List.of(), List.of(), false))
                .extracting(Proposal::recordNo).containsExactly("C1", "C2", "C3");
    }

    @Test
    void badRulesStopTheStartNamingEveryProblem() {
        assertThatThrownBy(() -> new CouplingProperties(List.of(
                new RuleSettings("vat", List.of(new FieldSettings("vatNo", "alphanumeric")), null, null),
                new RuleSettings("vat", List.of(new FieldSettings("email", "lowercase")), 1.5, null),
                new RuleSettings(null, List.of(), null, null)), List.of(), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.coupling.rules[0].fields[0].field: 'vatNo' is not a common field")
                .hasMessageContaining("hub.coupling.rules[1].name: 'vat' is the name of an earlier rule too")
                .hasMessageContaining("hub.coupling.rules[1].fuzzy-threshold: must be above 0 and at most 1, not 1.5")
                .hasMessageContaining("hub.coupling.rules[1].fields[0].normaliser: 'lowercase' is not one of exact, "
                        + "case-and-spaces, alphanumeric, company-name")
                .hasMessageContaining("hub.coupling.rules[2].name: must have a value")
                .hasMessageContaining("hub.coupling.rules[2].fields: at least one field is needed");
    }
}
