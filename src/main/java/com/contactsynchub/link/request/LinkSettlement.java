package com.contactsynchub.link.request;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.CustomerLinkListener;
import com.contactsynchub.sync.FieldSyncEngine;
import com.contactsynchub.sync.FieldValues;
import com.contactsynchub.sync.RecordRef;
import com.contactsynchub.sync.SyncGroup;
import com.contactsynchub.sync.SyncGroups;
import com.contactsynchub.sync.UpdateCommands;

/**
 * What happens when a link becomes active: the master's common fields become the group's agreed values and are
 * written, once, wherever they differ (through the sync engine, which then knows the baseline and recognises the
 * echoes), and, for a customer, the {@link CustomerLinkListener}s are told. Runs under the group's lock.
 */
@Component
public class LinkSettlement {

    private final SyncGroups groups;
    private final UpdateCommands updateCommands;
    private final Journal journal;
    private final ObjectProvider<CustomerLinkListener> customerLinkListeners;

    public LinkSettlement(SyncGroups groups, UpdateCommands updateCommands, Journal journal,
            ObjectProvider<CustomerLinkListener> customerLinkListeners) {
        this.groups = groups;
        this.updateCommands = updateCommands;
        this.journal = journal;
        this.customerLinkListeners = customerLinkListeners;
    }

    /** The updates of one settlement, per record, and the commands sending them. */
    public record Settled(Map<RecordRef, Map<CommonField, String>> updates, List<OutboundCommand> commands) {
    }

    /**
     * Makes the master's known common fields the agreed values of the contact's group and writes them to every
     * member that differs.
     *
     * @param contactNo the contact holding the (active) links
     * @param master    the record whose values win: the contact or the linked record
     */
    public Settled overwriteFromMaster(String contactNo, RecordRef master, OffsetDateTime at, String causationId) {
        SyncGroup group = groups.load(contactNo);
        Map<RecordRef, Map<CommonField, String>> updates = new LinkedHashMap<>();
        groups.knownValues(master).forEach((field, value) -> FieldSyncEngine.settle(group, field, value, at, master)
                .forEach((target, fields) -> updates.computeIfAbsent(target, t -> new EnumMap<>(CommonField.class))
                        .putAll(fields)));
        groups.save(group);
        List<OutboundCommand> out = new ArrayList<>();
        updates.forEach((target, fields) -> {
            out.add(updateCommands.update(causationId, target, fields));
            journal.write(target.type().wireName(), target.no(), "update-sent", "hub", causationId, null,
                    UpdateCommands.json(fields).toString(), "to take the values of " + master + ", the master of the new link");
        });
        return new Settled(updates, out);
    }

    /**
     * As {@link #overwriteFromMaster}, for a link whose record the hub had asked a system to create: the record
     * holds what its create command gave it, so only real differences are written, and the fields the creation
     * decided (a template's common fields) take the new record's value ({@link FieldSyncEngine#settleCreated}).
     *
     * @param create the create command the system acknowledged
     */
    public Settled settleCreated(String contactNo, RecordRef master, RecordRef created, OutboundCommand create,
            OffsetDateTime at, String causationId) {
        SyncGroup group = groups.load(contactNo);
        Map<CommonField, String> createdWith = FieldValues.of(create.body().path("fields"), created.type());
        java.util.Set<CommonField> fromTemplate = java.util.EnumSet.noneOf(CommonField.class);
        create.body().path("templateFields").fieldNames().forEachRemaining(name ->
                CommonField.fromFieldName(name).ifPresent(fromTemplate::add));
        Map<RecordRef, Map<CommonField, String>> updates = FieldSyncEngine.settleCreated(group, master,
                groups.knownValues(master), created, createdWith, fromTemplate, at);
        groups.save(group);
        List<OutboundCommand> out = new ArrayList<>();
        updates.forEach((target, fields) -> {
            out.add(updateCommands.update(causationId, target, fields));
            boolean templateOnly = fromTemplate.containsAll(fields.keySet());
            journal.write(target.type().wireName(), target.no(), "update-sent", "hub", causationId, null,
                    UpdateCommands.json(fields).toString(), templateOnly
                            ? "to take the template's values that " + created + " was created with"
                            : "to take the values of " + master + ", the master of the new link");
        });
        return new Settled(updates, out);
    }

    /** Tells every {@link CustomerLinkListener} that the contact has the customer; returns their commands. */
    public List<OutboundCommand> customerLinked(String contactNo, String customerNo, String causationId) {
        List<OutboundCommand> out = new ArrayList<>();
        customerLinkListeners.orderedStream()
                .forEach(listener -> out.addAll(listener.customerLinked(contactNo, customerNo, causationId)));
        return out;
    }
}
