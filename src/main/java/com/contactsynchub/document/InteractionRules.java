package com.contactsynchub.document;

import java.util.Optional;

import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.DocumentType;

/**
 * Which interaction to log when the finance system printed or e-mailed a document (docs/domain.md, What happens 7): the
 * template set up for the document type, on the contact linked to the document's customer or vendor, or on the
 * named contact person when that person belongs to that contact. No template or no active link: nothing.
 */
public final class InteractionRules {

    /** How the document went out; the word ends the generated description. */
    public enum Output {
        PRINTED("printed"), EMAILED("e-mailed");

        private final String word;

        Output(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public sealed interface Decision {
    }

    /** @param detail why this contact, for the journal */
    public record Log(String contactNo, String templateCode, String description, String detail) implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }

    /** The report of one printed or e-mailed document. */
    public record Report(DocumentType documentType, String documentNo, Output output, LinkType relation,
            String recordNo, String namedContactNo, String description) {
    }

    private static final int DESCRIPTION_LENGTH = 100;

    private InteractionRules() {
    }

    /**
     * @param template     the interaction template set up for the document type
     * @param link         the link of the document's customer or vendor, if any
     * @param namedContact the hub's knowledge of the contact person the report names, if it names one
     */
    public static Decision decide(Report report, Optional<String> template, Optional<Link> link,
            Optional<DocumentContact> namedContact) {
        String document = DocumentCaptions.caption(report.documentType()) + " " + report.documentNo();
        String record = report.relation().caption() + " " + report.recordNo();
        if (template.isEmpty()) {
            return new Skip("No interaction template is set up for document type " + report.documentType().wireName()
                    + " (Marketing Setup, interaction templates): nothing is logged for " + document + " "
                    + report.output().word() + ".");
        }
        if (link.isEmpty()) {
            return new Skip(record + " of " + document + " is not linked to a contact: nothing is logged.");
        }
        if (link.get().status() != LinkStatus.ACTIVE) {
            return new Skip(record + " of " + document + " is linked to contact " + link.get().contactNo()
                    + " only pending the finance system's acknowledgement: nothing is logged.");
        }
        String linked = link.get().contactNo();
        String contactNo = linked;
        String detail = "on contact " + linked + ", linked to " + record;
        if (report.namedContactNo() != null && !report.namedContactNo().equals(linked)) {
            String named = report.namedContactNo();
            if (namedContact.isEmpty() || namedContact.get().deleted()) {
                detail += "; the named contact " + named + " is not known to the hub, so the linked contact is used";
            } else if (!linked.equals(namedContact.get().relationHolder())) {
                detail += "; the named contact " + named + " does not belong to contact " + linked
                        + ", so the linked contact is used";
            } else {
                contactNo = named;
                detail = "on contact person " + named + " of contact " + linked + ", linked to " + record;
            }
        }
        String description = report.description() != null && !report.description().isBlank()
                ? report.description() : document + " " + report.output().word();
        if (description.length() > DESCRIPTION_LENGTH) {
            description = description.substring(0, DESCRIPTION_LENGTH);
        }
        return new Log(contactNo, template.get(), description, detail);
    }
}
