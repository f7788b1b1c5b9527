package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record as its system holds it: version and common fields. Guarded by its own monitor: every change (a user's
 * edit or a hub command) bumps the version, takes its {@code occurredAt} and queues its event while holding it, so
 * one record's events leave the system in version order, with increasing times.
 */
final class SimRecord {

    private final RecordKind kind;
    private final String no;
    private final int group;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> history = new ArrayList<>();
    private long version;

    SimRecord(RecordKind kind, String no, int group, Map<String, String> initialFields) {
        this.kind = kind;
        this.no = no;
        this.group = group;
        this.fields.putAll(initialFields);
    }

    RecordKind kind() {
        return kind;
    }

    String no() {
        return no;
    }

    int group() {
        return group;
    }

    synchronized long version() {
        return version;
    }

    /** Bumps the version (the caller holds this record's monitor). */
    long nextVersion() {
        return ++version;
    }

    /** Live view; read and change it only while holding this record's monitor. */
    Map<String, String> fields() {
        return fields;
    }

    /** Notes a change for the report (the caller holds this record's monitor). */
    void noteChange(long occurredAt, String cause, Map<String, String> changes) {
        history.add("v" + version + " " + SimClock.iso(occurredAt).substring(11) + " " + cause + " " + changes);
    }

    /** The last changes that touched a field, oldest first. */
    synchronized List<String> historyOf(String field, int max) {
        List<String> touching = history.stream().filter(h -> h.contains(field + "=")).toList();
        return touching.subList(Math.max(0, touching.size() - max), touching.size());
    }

    synchronized Map<String, String> snapshot() {
        return new LinkedHashMap<>(fields);
    }

    @Override
    public String toString() {
        return kind.wireName() + " " + no;
    }
}
