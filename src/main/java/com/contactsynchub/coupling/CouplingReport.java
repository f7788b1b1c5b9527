package com.contactsynchub.coupling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report of a run, one line per finance record, written from the database as it is read (a big run is not held
 * in memory). Like an import's report: a head, the lines, the totals.
 *
 * <pre>
 * C00010 | Contoso Ltd | proposed | vat | CT000001 | matched by vat | linked: linked with contact CT000001 (...)
 * C00020 | Fabrikam | ambiguous | name-post-code | CT000007, CT000009 | 2 contacts match by name-post-code; none is linked
 * </pre>
 */
public final class CouplingReport {

    private CouplingReport() {
    }

    public static void write(CouplingRun run, CouplingRuns runs, Writer out) {
        try {
            out.write("Coupling: " + run.couplingId() + " of " + run.linkType().wireName() + " records, started "
                    + run.startedAt() + " by " + run.origin() + "\n");
            out.write("Options: " + (run.dryRun() ? "dry run" : "apply") + ", master " + run.master()
                    + ", unmatched records: " + (run.createContacts() ? "a contact is created" : "left alone")
                    + "\n");
            out.write("Rules, in order: " + run.rules() + "\n");
            out.write("State: " + run.state() + (CouplingRun.PROPOSED.equals(run.state())
                    ? " (nothing changed yet; POST /api/couplings/" + run.couplingId() + "/apply applies it)" : "")
                    + "\n\n");
            out.write("record | name | category | rule | contact(s) | reason | outcome\n");
            runs.forEach(run.couplingId(), stored -> line(stored, out));
            Map<String, Integer> categories = runs.categories(run.couplingId());
            out.write("\nTotals: " + run.recordsTotal() + " record(s): " + join(categories) + "\n");
            Map<String, Integer> outcomes = runs.outcomes(run.couplingId());
            if (!outcomes.isEmpty()) {
                out.write("Applied: " + join(outcomes) + " (" + run.actionsDone() + " of " + run.actionsTotal()
                        + ")\n");
            }
            if (run.summary() != null) {
                out.write("Result: " + run.summary() + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StoredProposal stored, Writer out) {
        Proposal p = stored.proposal();
        String contacts = p.category() == Proposal.Category.AMBIGUOUS ? String.join(", ", p.candidates())
                : dash(p.contactNo());
        String outcome = stored.outcome() != null ? stored.outcome() + ": " + stored.outcomeDetail()
                : StoredProposal.PENDING.equals(stored.state()) ? "to apply (" + p.action().wireName() + ")" : "-";
        try {
            out.write(p.recordNo() + " | " + dash(p.recordName()) + " | " + p.category().wireName() + " | "
                    + dash(p.rule()) + " | " + contacts + " | " + p.reason() + " | " + outcome + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
