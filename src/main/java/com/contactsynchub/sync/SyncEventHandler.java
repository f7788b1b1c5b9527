package com.contactsynchub.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.LockKeys;
import com.contactsynchub.intake.RecordStateMerger;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps linked records identical (docs/domain.md, What happens 1 and 8): applies each created/changed/deleted event of a
 * contact, customer, vendor or bank account to its group, journals every decision and returns the updates to send.
 */
@Component
public class SyncEventHandler implements EventHandler {

    private final SyncGroups groups;
    private final LinkRegistry links;
    private final Conflicts conflicts;
    private final Journal journal;
    private final SetupService setup;
    private final UpdateCommands updateCommands;

    public SyncEventHandler(SyncGroups groups, LinkRegistry links, Conflicts conflicts, Journal journal,
            SetupService setup, UpdateCommands updateCommands) {
        this.groups = groups;
        this.links = links;
        this.conflicts = conflicts;
        this.journal = journal;
        this.setup = setup;
        this.updateCommands = updateCommands;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return RecordStateMerger.isRecordEvent(message.type());
    }

    /**
     * All events of one group are handled one at a time, whichever record they are about; a contact's events take
     * its group lock even while it has no links, so that they serialise with a link being made.
     */
    @Override
    public Optional<String> lockKey(InboundMessage message) {
        RecordRef record = ref(message);
        if (record.type() == RecordType.CONTACT) {
            return Optional.of(LockKeys.group(record.no()));
        }
        return groups.groupOf(record).map(LockKeys::group);
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
        RecordRef record = ref(message);
        if (message.type().wireName().endsWith(".deleted")) {
            removeLinks(record, message);
            return List.of();
        }
        Optional<String> contactNo = groups.groupOf(record);
        if (contactNo.isEmpty()) {
            journalSkipped(record, message, before);
            return List.of();
        }
        SyncGroup group = groups.load(contactNo.get());
        boolean otherWritesInFlight = group.members().stream().anyMatch(m -> !m.pendingWrites().isEmpty());
        SyncOutcome outcome = FieldSyncEngine.apply(group, record, incomingValues(message, record.type()),
                message.occurredAt(), setup.conflictPolicy());
        groups.save(group);
        for (SyncOutcome.Conflict conflict : outcome.conflicts()) {
            conflicts.record(group.contactNo(), conflict,
                    group.agreed(conflict.field()).map(SyncGroup.Agreed::value).orElse(null), message.messageId());
        }
        journalDecisions(record, message, outcome, otherWritesInFlight);
        return commandsFor(outcome, record, message);
    }

    private List<OutboundCommand> commandsFor(SyncOutcome outcome, RecordRef record, InboundMessage message) {
        List<OutboundCommand> out = new ArrayList<>();
        outcome.updates().forEach((target, fields) -> {
            out.add(updateCommands.update(message.messageId(), target, fields));
            journal.write(target.type().wireName(), target.no(), "update-sent", "hub", message.messageId(), null,
                    UpdateCommands.json(fields).toString(), "to agree with " + record);
        });
        return out;
    }

    /**
     * A stale event changes nothing, but its values may show that writes of the hub were applied; a record whose
     * edit lost a conflict meanwhile then gets the agreed value.
     */
    @Override
    public List<OutboundCommand> stale(InboundMessage message, KnownRecord known) {
        RecordRef record = ref(message);
        if (message.type().wireName().endsWith(".deleted")) {
            return List.of();
        }
        Optional<String> contactNo = groups.groupOf(record);
        if (contactNo.isEmpty()) {
            return List.of();
        }
        SyncGroup group = groups.load(contactNo.get());
        SyncOutcome outcome = FieldSyncEngine.confirmLate(group, record, incomingValues(message, record.type()));
        if (outcome.decisions().isEmpty()) {
            return List.of();
        }
        groups.save(group);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        outcome.decisions().forEach(d -> fields.put(d.field().fieldName(), d.incoming()));
        journal.write(record.type().wireName(), record.no(), "late-echo", message.source(), message.messageId(),
                null, fields.toString(), "the stale event shows that the hub's writes of these values were applied"
                        + (outcome.updates().isEmpty() ? "; nothing is changed or sent" : ""));
        return commandsFor(outcome, record, message);
    }

    private void removeLinks(RecordRef record, InboundMessage message) {
        List<Link> removed = new ArrayList<>();
        if (record.type() == RecordType.CONTACT) {
            removed.addAll(links.findByContact(record.no()));
            links.unlinkContact(record.no());
        } else {
            links.unlink(SyncGroups.linkType(record.type()), record.no()).ifPresent(removed::add);
        }
        groups.forgetPending(record);
        for (Link link : removed) {
            RecordRef other = record.type() == RecordType.CONTACT
                    ? new RecordRef(link.linkType().recordType(), link.recordNo())
                    : new RecordRef(RecordType.CONTACT, link.contactNo());
            groups.forgetPending(other);
            String detail = record + " was deleted; the link with " + other + " is removed and " + other + " remains";
            journal.write(record.type().wireName(), record.no(), "link-removed", message.source(),
                    message.messageId(), null, null, detail);
            journal.write(other.type().wireName(), other.no(), "link-removed", message.source(),
                    message.messageId(), null, null, detail);
        }
        if (removed.isEmpty()) {
            journal.write(record.type().wireName(), record.no(), "deleted", message.source(), message.messageId(),
                    null, null, record + " was deleted; it had no links");
        }
    }

    private void journalSkipped(RecordRef record, InboundMessage message, Optional<KnownRecord> before) {
        String companyNo = message.body().has("companyNo") ? message.text("companyNo")
                : before.map(KnownRecord::companyNo).orElse(null);
        boolean personOfCompany = record.type() == RecordType.CONTACT && companyNo != null && !companyNo.isBlank();
        String detail = personOfCompany
                ? record + " is a person of company " + companyNo + "; a person's relations are its company's, so"
                        + " nothing is synchronised from it"
                : record + " is not linked: nothing to synchronise";
        journal.write(record.type().wireName(), record.no(), "skipped-unlinked", message.source(),
                message.messageId(), null, null, detail);
    }

    private void journalDecisions(RecordRef record, InboundMessage message, SyncOutcome outcome,
            boolean otherWritesInFlight) {
        ObjectNode before = JsonNodeFactory.instance.objectNode();
        ObjectNode after = JsonNodeFactory.instance.objectNode();
        var detail = JsonNodeFactory.instance.arrayNode();
        for (FieldDecision decision : outcome.decisions()) {
            before.put(decision.field().fieldName(), decision.before());
            after.put(decision.field().fieldName(), decision.after());
            ObjectNode d = detail.addObject();
            d.put("field", decision.field().fieldName());
            d.put("decision", kebab(decision.kind()));
            d.put("incoming", decision.incoming());
            if (decision.detail() != null) {
                d.put("why", decision.detail());
            }
        }
        journal.write(record.type().wireName(), record.no(), summary(outcome, otherWritesInFlight), message.source(),
                message.messageId(), before.isEmpty() ? null : before.toString(),
                after.isEmpty() ? null : after.toString(), detail.toString());
    }

    /** The event's decision in one word: the most significant of its fields' decisions. */
    static String summary(SyncOutcome outcome, boolean otherWritesInFlight) {
        var kinds = outcome.decisions().stream().map(FieldDecision::kind).toList();
        if (kinds.contains(FieldDecision.Kind.CONFLICT_PARKED)) {
            return "conflict-parked";
        }
        if (kinds.contains(FieldDecision.Kind.CONFLICT_RESOLVED)) {
            return "conflict-resolved";
        }
        if (kinds.contains(FieldDecision.Kind.PUSHED)) {
            // Pushed while other writes of the group were still on their way: edits to different fields merged.
            return otherWritesInFlight ? "merged" : "pushed";
        }
        if (kinds.contains(FieldDecision.Kind.ECHO_SUPPRESSED)) {
            return "echo-suppressed";
        }
        if (kinds.contains(FieldDecision.Kind.ALREADY_AGREED)) {
            return "already-agreed";
        }
        return "no-change";
    }

    private static Map<CommonField, String> incomingValues(InboundMessage message, RecordType type) {
        return FieldValues.of(message.body().path("fields"), type);
    }

    private static RecordRef ref(InboundMessage message) {
        return new RecordRef(message.recordType().orElseThrow(), message.recordNo());
    }

    private static String kebab(FieldDecision.Kind kind) {
        return kind.name().toLowerCase().replace('_', '-');
    }
}
