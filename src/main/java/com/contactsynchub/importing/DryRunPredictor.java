package com.contactsynchub.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.JsonNode;

/** Dry runs ({@code *.dryrun.*}): what a row would do, read from the links and the hub's knowledge only. */
@Component
class DryRunPredictor {

    private final LinkRegistry links;
    private final SetupService setup;

    DryRunPredictor(LinkRegistry links, SetupService setup) {
        this.links = links;
        this.setup = setup;
    }

    /** Dry run: what the import would do, read from the links and the hub's knowledge only. */
    RowOutcome predict(InboundMessage message, Optional<KnownRecord> before, boolean created,
            boolean noAutoContacts) {
        RecordType recordType = message.recordType().orElseThrow();
        List<String> differing = differingFields(message, before);
        if (recordType == RecordType.CONTACT) {
            List<Link> related = links.relationsOf(message.recordNo());
            if (created) {
                return new RowOutcome(RowOutcome.Kind.CREATED, "dry run: new contact (contact.created)");
            }
            if (related.isEmpty()) {
                return new RowOutcome(RowOutcome.Kind.UNCHANGED, "dry run: no linked records: fields would be "
                        + "recorded only" + changes(differing));
            }
            return changedOutcome(differing, "linked to " + related.stream()
                    .map(l -> l.linkType().wireName() + " " + l.recordNo()).toList());
        }
        LinkType linkType = RowEvents.linkType(recordType);
        Optional<Link> link = links.findByRecord(linkType, message.recordNo());
        if (link.isEmpty()) {
            if (noAutoContacts) {
                return new RowOutcome(RowOutcome.Kind.NOT_LINKED, "dry run: not linked: no contact would be created ("
                        + "file name: " + AutomaticContacts.OFF_MARKER + ")");
            }
            if (setup.businessRelationCode(linkType).isEmpty()) {
                return new RowOutcome(RowOutcome.Kind.NOT_LINKED, "dry run: not linked: no contact would be created ("
                        + linkType.businessRelationSetting() + " is blank)");
            }
            return new RowOutcome(RowOutcome.Kind.CREATED, "dry run: new record: would go in as "
                    + message.type().wireName() + " (no link yet: a contact would be requested)");
        }
        return changedOutcome(differing, "linked to contact " + link.get().contactNo()
                + (link.get().status() == com.contactsynchub.link.LinkStatus.PENDING ? " (pending)" : ""));
    }

    private static RowOutcome changedOutcome(List<String> differing, String linked) {
        if (differing.isEmpty()) {
            return new RowOutcome(RowOutcome.Kind.UNCHANGED, "dry run: " + linked + ": no field differs");
        }
        return new RowOutcome(RowOutcome.Kind.UPDATED, "dry run: " + linked + ": would push "
                + String.join(", ", differing));
    }

    private static String changes(List<String> differing) {
        return differing.isEmpty() ? "" : " (differing: " + String.join(", ", differing) + ")";
    }

    private static List<String> differingFields(InboundMessage message, Optional<KnownRecord> before) {
        JsonNode incoming = message.body().path("fields");
        List<String> differing = new ArrayList<>();
        incoming.fieldNames().forEachRemaining(name -> {
            JsonNode knownValue = before.map(k -> k.fields().get(name)).orElse(null);
            if (knownValue == null || !knownValue.equals(incoming.get(name))) {
                differing.add(name);
            }
        });
        return differing;
    }
}
