package com.contactsynchub.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.setup.ConflictPolicy;
import com.contactsynchub.sync.FieldDecision.Kind;
import com.contactsynchub.sync.SyncGroup.Agreed;
import com.contactsynchub.sync.SyncGroup.Member;

/**
 * The rules that keep a group's records identical, one incoming change at a time. Plain Java: it works on a
 * {@link SyncGroup} loaded under the group's lock and says which fields to write where.
 *
 * <p>For each field the group has an agreed value. The hub remembers, per record and field, the values it has
 * written there and not yet seen come back ("pending"). An incoming value is then:
 * <ul>
 * <li>one of the pending values: the system applied the hub's write and reports it back (an echo): nothing moves;</li>
 * <li>the value already known for the record: nothing changed;</li>
 * <li>a new value while a different pending write is on its way to the record: both sides edited the field before
 * seeing each other's edit, a conflict, settled by the policy;</li>
 * <li>otherwise a real edit: it becomes the agreed value.</li>
 * </ul>
 * Afterwards every member that holds another value than the agreed one and has no write of the hub on its way gets
 * a write. A member with a write on its way waits for that write's echo, then gets the agreed value if it still
 * needs it: one write per record and field is in flight at a time, so every echo is recognised for what it is.
 */
public final class FieldSyncEngine {

    private FieldSyncEngine() {
    }

    /**
     * @param incoming the record's values in this change, already normalised ({@link FieldValues}), for fields the
     *                 record type has
     */
    public static SyncOutcome apply(SyncGroup group, RecordRef editedOn, Map<CommonField, String> incoming,
            OffsetDateTime occurredAt, ConflictPolicy policy) {
        Member origin = group.member(editedOn)
                .orElseThrow(() -> new IllegalArgumentException(editedOn + " is not in the group of " + group.contactNo()));
        List<FieldDecision> decisions = new ArrayList<>();
        List<SyncOutcome.Conflict> conflicts = new ArrayList<>();
        Map<RecordRef, Map<CommonField, String>> updates = new LinkedHashMap<>();

        for (CommonField field : CommonField.values()) {
            if (!incoming.containsKey(field) || !origin.has(field)) {
                continue;
            }
            String value = incoming.get(field);
            String before = origin.known(field);
            origin.setKnown(field, value);

            // Unchanged first: the systems publish the whole record, so an event about another field repeats this
            // one's value, which proves nothing about a write on its way.
            if (value.equals(before)) {
                continue;
            }
            if (origin.pending(field).contains(value)) {
                // The system applies one record's commands in the order the relay sent them and reports each, so
                // this echo confirms the writes up to the FIRST write of this value. Never further: a value on its
                // way twice (A, B, A) would otherwise hide B, whose echo would then look like a user's edit, dated
                // by when it came back, and could beat a later real edit.
                origin.confirm(field, value);
                origin.forgetWritesOfKnownValue(field);
                decisions.add(new FieldDecision(field, Kind.ECHO_SUPPRESSED, before, value, value,
                        "the hub's own write came back"));
                continue;
            }
            Agreed current = group.agreed(field).orElse(null);
            if (!origin.pending(field).isEmpty()) {
                // Edited here while another record's value is still on its way here: a conflict.
                RecordRef winner = winner(policy, editedOn, occurredAt, current);
                boolean parked = policy == ConflictPolicy.MANUAL;
                conflicts.add(new SyncOutcome.Conflict(field, editedOn, value, occurredAt,
                        current == null ? null : current.origin(), current == null ? "" : current.value(),
                        current == null ? null : current.at(), policy.name(), parked ? null : winner, parked));
                if (parked) {
                    decisions.add(new FieldDecision(field, Kind.CONFLICT_PARKED, before, value,
                            current == null ? "" : current.value(), "parked for an operator (policy manual)"));
                    continue;
                }
                if (winner.equals(editedOn)) {
                    group.agree(field, new Agreed(value, occurredAt, editedOn));
                }
                // Nothing is written to this record now: a write is on its way here. If the system applied that
                // write after this edit, its echo shows the write's value; if before (and published the two events
                // out of version order), the echo comes stale and this edit's value stays. Either way the echo
                // confirms the write, and then the record gets the agreed value if it does not hold it (repair).
                decisions.add(new FieldDecision(field, Kind.CONFLICT_RESOLVED, before, value,
                        group.agreed(field).map(Agreed::value).orElse(value),
                        "concurrent edit; " + winner + " wins by policy " + policy.wireName()));
            } else if (current != null && current.value().equals(value)) {
                decisions.add(new FieldDecision(field, Kind.ALREADY_AGREED, before, value, value,
                        "the other records already have this value"));
            } else {
                group.agree(field, new Agreed(value, occurredAt, editedOn));
                decisions.add(new FieldDecision(field, Kind.PUSHED, before, value, value, null));
            }
        }
        // The writes, for every field at once: the one rule of converge, for the fields this event changed and for
        // the members whose write on its way just came back.
        repair(group, updates);
        return new SyncOutcome(decisions, updates, conflicts);
    }

    /**
     * A stale event (older than what the hub applied for the record) changes nothing, but it may be the only proof
     * that a write of the hub was applied: a system that publishes after its commit can publish two events of one
     * record out of version order, and the newer one already showed a later value. Its values confirm such writes
     * (a value equal to the record's known value proves nothing); a record whose write is confirmed that way and
     * that holds another value than the agreed one (its edit lost a conflict while the write was on its way) then
     * gets the agreed value.
     *
     * @return an {@link Kind#ECHO_SUPPRESSED} decision per confirmed field, and the writes to send (none when
     *         nothing was confirmed)
     */
    public static SyncOutcome confirmLate(SyncGroup group, RecordRef record, Map<CommonField, String> values) {
        Member member = group.member(record)
                .orElseThrow(() -> new IllegalArgumentException(record + " is not in the group of " + group.contactNo()));
        List<FieldDecision> decisions = new ArrayList<>();
        values.forEach((field, value) -> {
            if (member.has(field) && !value.equals(member.known(field)) && member.pending(field).contains(value)) {
                member.confirm(field, value);
                member.forgetWritesOfKnownValue(field);
                decisions.add(new FieldDecision(field, Kind.ECHO_SUPPRESSED, member.known(field), value,
                        member.known(field), "a late echo of the hub's own write: it was applied"));
            }
        });
        Map<RecordRef, Map<CommonField, String>> updates = new LinkedHashMap<>();
        if (!decisions.isEmpty()) {
            repair(group, updates);
        }
        return new SyncOutcome(decisions, updates, List.of());
    }

    /**
     * {@link #converge} for every field: after an echo confirmed a write, the record gets the agreed value if it
     * changed while that write was on its way (a later edit elsewhere, or an edit here that won or lost a conflict).
     */
    static void repair(SyncGroup group, Map<RecordRef, Map<CommonField, String>> updates) {
        group.agreedValues().keySet().forEach(field -> converge(group, field, updates));
    }

    /**
     * Writes the agreed value of {@code field} to every member that holds another value and has no write of the hub
     * on its way. A member with a write on its way gets the agreed value when that write's echo comes back (its
     * event runs {@link #repair}): one write per record and field is in flight at a time, so an echo is always the
     * echo of that one write and can never be mistaken for an edit.
     */
    static void converge(SyncGroup group, CommonField field, Map<RecordRef, Map<CommonField, String>> updates) {
        String agreed = group.agreed(field).map(Agreed::value).orElse(null);
        if (agreed == null) {
            return;
        }
        for (Member member : group.members()) {
            if (member.has(field) && member.pending(field).isEmpty() && !member.known(field).equals(agreed)) {
                if (member.confirmation() == SyncGroup.Confirmation.SENDING) {
                    // Nothing will ever confirm it: the write counts as applied once decided (it is sent exactly once).
                    member.written(field, agreed);
                } else {
                    member.addPending(field, agreed);
                }
                updates.computeIfAbsent(member.ref(), r -> new EnumMap<>(CommonField.class)).put(field, agreed);
            }
        }
    }

    /**
     * The system acknowledged the hub's update of {@code record} as applied. For a system that does not echo this is
     * the confirmation an echo would be: the writes up to these values are done and the record holds them; then,
     * as after an echo, the record gets the agreed value if it changed meanwhile. For a system that echoes the
     * echo decides, and the acknowledgement changes nothing.
     */
    public static SyncOutcome confirmAcknowledged(SyncGroup group, RecordRef record, Map<CommonField, String> written) {
        Member member = group.member(record)
                .orElseThrow(() -> new IllegalArgumentException(record + " is not in the group of " + group.contactNo()));
        List<FieldDecision> decisions = new ArrayList<>();
        Map<RecordRef, Map<CommonField, String>> updates = new LinkedHashMap<>();
        if (member.confirmation() != SyncGroup.Confirmation.ACKNOWLEDGEMENT) {
            return new SyncOutcome(decisions, updates, List.of());
        }
        written.forEach((field, value) -> {
            if (member.has(field) && member.pending(field).contains(value)) {
                String before = member.known(field);
                member.confirm(field, value);
                member.written(field, value);
                member.forgetWritesOfKnownValue(field);
                decisions.add(new FieldDecision(field, Kind.ECHO_SUPPRESSED, before, value, value,
                        "the system acknowledged the hub's write (it publishes no echo)"));
            }
        });
        if (!decisions.isEmpty()) {
            repair(group, updates);
        }
        return new SyncOutcome(decisions, updates, List.of());
    }

    /**
     * The system refused the hub's update of {@code record}: those writes will never come back, so they are no
     * longer waited for (a later edit there is an edit, not a conflict). Nothing is sent again now: the refusal
     * would repeat; the record gets the agreed value when the group next changes.
     *
     * @return the fields whose write was dropped
     */
    public static java.util.Set<CommonField> dropRefused(SyncGroup group, RecordRef record,
            Map<CommonField, String> refused) {
        Member member = group.member(record)
                .orElseThrow(() -> new IllegalArgumentException(record + " is not in the group of " + group.contactNo()));
        java.util.Set<CommonField> dropped = java.util.EnumSet.noneOf(CommonField.class);
        refused.forEach((field, value) -> {
            if (member.has(field) && member.dropRefused(field, value)) {
                dropped.add(field);
            }
        });
        return dropped;
    }

    /** Sets the agreed value by an operator's decision and writes it wherever it is missing. */
    public static Map<RecordRef, Map<CommonField, String>> settle(SyncGroup group, CommonField field, String value,
            OffsetDateTime at, RecordRef origin) {
        group.agree(field, new Agreed(value, at, origin));
        Map<RecordRef, Map<CommonField, String>> updates = new LinkedHashMap<>();
        converge(group, field, updates);
        return updates;
    }

    /**
     * Settles a new link whose record the hub had asked a system to create, at that system's acknowledgement. The
     * acknowledgement proves the record holds what it was created with (its own created event may still be on its
     * way, under another message group), so those values count as known where nothing else is: only fields that
     * really differ get a write, never a copy of what the record was just created with. The master's values win,
     * except the fields the creation itself decided (a template's common fields, applied after the contact's as in
     * BC): there the created record's value wins and reaches the rest of the group.
     *
     * @param masterValues   the master's known values
     * @param createdWith    the values the create command gave the record
     * @param decidedByRecord the fields the creation decided (the template's common fields)
     */
    public static Map<RecordRef, Map<CommonField, String>> settleCreated(SyncGroup group, RecordRef master,
            Map<CommonField, String> masterValues, RecordRef created, Map<CommonField, String> createdWith,
            java.util.Set<CommonField> decidedByRecord, OffsetDateTime at) {
        Member createdMember = group.member(created)
                .orElseThrow(() -> new IllegalArgumentException(created + " is not in the group of " + group.contactNo()));
        createdWith.forEach((field, value) -> {
            if (createdMember.has(field) && !createdMember.knownValues().containsKey(field)) {
                createdMember.setKnown(field, value);
            }
        });
        Map<RecordRef, Map<CommonField, String>> updates = new LinkedHashMap<>();
        for (CommonField field : CommonField.values()) {
            if (decidedByRecord.contains(field) && createdMember.has(field)) {
                group.agree(field, new Agreed(createdMember.known(field), at, created));
            } else if (masterValues.containsKey(field)) {
                group.agree(field, new Agreed(masterValues.get(field), at, master));
            } else {
                continue;
            }
            converge(group, field, updates);
        }
        return updates;
    }

    private static RecordRef winner(ConflictPolicy policy, RecordRef editedOn, OffsetDateTime editedAt, Agreed other) {
        if (other == null) {
            return editedOn;
        }
        boolean editedOnContact = editedOn.type() == RecordType.CONTACT;
        boolean otherFromContact = other.origin().type() == RecordType.CONTACT;
        if (editedOnContact != otherFromContact) {
            if (policy == ConflictPolicy.CONTACT_WINS) {
                return editedOnContact ? editedOn : other.origin();
            }
            if (policy == ConflictPolicy.FINANCE_WINS) {
                return editedOnContact ? other.origin() : editedOn;
            }
        }
        // Latest wins (also between two finance records, where neither side policy applies); on a tie the
        // contact's edit, else the one being applied, so that every hub instance decides alike.
        if (editedAt.isAfter(other.at())) {
            return editedOn;
        }
        if (editedAt.isBefore(other.at())) {
            return other.origin();
        }
        return otherFromContact ? other.origin() : editedOn;
    }
}
