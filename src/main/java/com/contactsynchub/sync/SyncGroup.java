package com.contactsynchub.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.contactsynchub.contract.CommonField;

/**
 * A company (or standalone person) contact with its linked customer, vendor and bank account: the records that must
 * agree on their common fields. Loaded under the group's lock, changed by {@link FieldSyncEngine}, saved back.
 */
public final class SyncGroup {

    /** The value all members should converge to, and the edit it came from. */
    public record Agreed(String value, OffsetDateTime at, RecordRef origin) {
    }

    /** What proves that the system applied a write of the hub ({@link SystemBehaviour}). */
    public enum Confirmation {
        /** The system publishes the record after the hub's write: the echo confirms it. */
        ECHO,
        /** No echo; the system's {@code command.acknowledged} of the update confirms it. */
        ACKNOWLEDGEMENT,
        /** Neither: the write counts as applied once the hub has decided to send it. */
        SENDING
    }

    /** One record of the group: its last known values and the hub's writes to it not yet seen back. */
    public static final class Member {
        private final RecordRef ref;
        private final Confirmation confirmation;
        private final Map<CommonField, String> known;
        private final Map<CommonField, List<String>> pending;
        private final java.util.Set<CommonField> pendingChanged = java.util.EnumSet.noneOf(CommonField.class);
        private final java.util.Set<CommonField> knownChanged = java.util.EnumSet.noneOf(CommonField.class);

        public Member(RecordRef ref, Map<CommonField, String> known, Map<CommonField, List<String>> pending) {
            this(ref, Confirmation.ECHO, known, pending);
        }

        public Member(RecordRef ref, Confirmation confirmation, Map<CommonField, String> known,
                Map<CommonField, List<String>> pending) {
            this.confirmation = confirmation;
            this.ref = ref;
            this.known = new EnumMap<>(CommonField.class);
            this.known.putAll(known);
            this.pending = new EnumMap<>(CommonField.class);
            pending.forEach((field, values) -> this.pending.put(field, new ArrayList<>(values)));
        }

        public RecordRef ref() {
            return ref;
        }

        public String known(CommonField field) {
            return known.getOrDefault(field, "");
        }

        void setKnown(CommonField field, String value) {
            known.put(field, value);
        }

        public Confirmation confirmation() {
            return confirmation;
        }

        /**
         * The system holds {@code value} because the hub wrote it, confirmed without an echo (an acknowledgement, or
         * the sending itself): the hub's knowledge of the record is corrected and saved, as an echo would have done.
         */
        void written(CommonField field, String value) {
            known.put(field, value);
            knownChanged.add(field);
        }

        /** The fields whose known value the hub corrected since loading ({@link #written}): they are saved. */
        public java.util.Set<CommonField> knownChanged() {
            return knownChanged;
        }

        /** Drops the first write of {@code value}: the system refused it, so it will never come back. */
        boolean dropRefused(CommonField field, String value) {
            List<String> writes = pending.get(field);
            if (writes == null || !writes.remove(value)) {
                return false;
            }
            if (writes.isEmpty()) {
                pending.remove(field);
            }
            pendingChanged.add(field);
            return true;
        }

        public Map<CommonField, String> knownValues() {
            return known;
        }

        /** The hub's writes to this field in the order they were sent; the system applies them in that order. */
        public List<String> pending(CommonField field) {
            return pending.getOrDefault(field, List.of());
        }

        public Map<CommonField, List<String>> pendingWrites() {
            return pending;
        }

        void addPending(CommonField field, String value) {
            pending.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            pendingChanged.add(field);
        }

        /** The fields whose pending writes changed since loading: only they are saved again. */
        public java.util.Set<CommonField> pendingChanged() {
            return pendingChanged;
        }

        /** Drops the writes up to and including the first write of {@code value}: the system applied them, in order. */
        void confirm(CommonField field, String value) {
            List<String> writes = pending.get(field);
            writes.subList(0, writes.indexOf(value) + 1).clear();
            if (writes.isEmpty()) {
                pending.remove(field);
            }
            pendingChanged.add(field);
        }

        /**
         * Forgets the writes still outstanding when all of them are the value the record holds anyway: applying
         * them changes nothing, and their echoes, equal to the known value, would never confirm them. The hub has
         * one write per field in flight, so after a confirmation nothing is left; this clears lists of several
         * writes that earlier versions of the hub stored.
         */
        void forgetWritesOfKnownValue(CommonField field) {
            List<String> writes = pending.get(field);
            if (writes != null && writes.stream().allMatch(known(field)::equals)) {
                pending.remove(field);
                pendingChanged.add(field);
            }
        }

        public boolean has(CommonField field) {
            return field.appliesTo(ref.type());
        }
    }

    private final String contactNo;
    private final Map<RecordRef, Member> members = new LinkedHashMap<>();
    private final Map<CommonField, Agreed> agreed = new EnumMap<>(CommonField.class);
    private final java.util.Set<CommonField> agreedChanged = java.util.EnumSet.noneOf(CommonField.class);

    public SyncGroup(String contactNo, List<Member> members, Map<CommonField, Agreed> agreed) {
        this.contactNo = contactNo;
        members.forEach(m -> this.members.put(m.ref(), m));
        this.agreed.putAll(agreed);
    }

    public String contactNo() {
        return contactNo;
    }

    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public Optional<Member> member(RecordRef ref) {
        return Optional.ofNullable(members.get(ref));
    }

    public Optional<Agreed> agreed(CommonField field) {
        return Optional.ofNullable(agreed.get(field));
    }

    public Map<CommonField, Agreed> agreedValues() {
        return agreed;
    }

    /** The fields whose agreed value changed since loading: only they are saved again. */
    public java.util.Set<CommonField> agreedChanged() {
        return agreedChanged;
    }

    void agree(CommonField field, Agreed value) {
        agreed.put(field, value);
        agreedChanged.add(field);
    }
}
