package com.contactsynchub.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;

/** Loads and saves {@link SyncGroup}s: links and known values from their own stores, agreed and pending values here. */
@Repository
public class SyncGroups {

    private final NamedParameterJdbcTemplate jdbc;
    private final LinkRegistry links;
    private final KnownRecords knownRecords;
    private final SystemBehaviour systems;

    public SyncGroups(NamedParameterJdbcTemplate jdbc, LinkRegistry links, KnownRecords knownRecords,
            SystemBehaviour systems) {
        this.jdbc = jdbc;
        this.links = links;
        this.knownRecords = knownRecords;
        this.systems = systems;
    }

    /** The contact whose group the record belongs to: the contact itself if it has active links, or its record's. */
    public Optional<String> groupOf(RecordRef record) {
        if (record.type() == RecordType.CONTACT) {
            return activeLinks(record.no()).isEmpty() ? Optional.empty() : Optional.of(record.no());
        }
        return links.findByRecord(linkType(record.type()), record.no())
                .filter(l -> l.status() == LinkStatus.ACTIVE)
                .map(Link::contactNo);
    }

    public SyncGroup load(String contactNo) {
        List<RecordRef> refs = new ArrayList<>();
        refs.add(new RecordRef(RecordType.CONTACT, contactNo));
        activeLinks(contactNo).forEach(l -> refs.add(new RecordRef(l.linkType().recordType(), l.recordNo())));
        List<SyncGroup.Member> members = refs.stream()
                .map(ref -> new SyncGroup.Member(ref, systems.confirmation(ref.type()), knownValues(ref), pending(ref)))
                .toList();
        return new SyncGroup(contactNo, members, agreed(contactNo));
    }

    /** Writes back what changed since {@link #load}: the agreed values and pending writes that moved. */
    public void save(SyncGroup group) {
        for (CommonField field : group.agreedChanged()) {
            var key = new MapSqlParameterSource("contactNo", group.contactNo()).addValue("field", field.fieldName());
            jdbc.update("delete from sync_agreed where contact_no = :contactNo and field = :field", key);
            group.agreed(field).ifPresent(agreed -> jdbc.update("""
                    insert into sync_agreed (contact_no, field, field_value, agreed_at, origin_type, origin_no)
                    values (:contactNo, :field, :value, :agreedAt, :originType, :originNo)
                    """, key.addValue("value", agreed.value())
                    .addValue("agreedAt", agreed.at())
                    .addValue("originType", agreed.origin().type().wireName())
                    .addValue("originNo", agreed.origin().no())));
        }
        group.agreedChanged().clear();
        for (SyncGroup.Member member : group.members()) {
            for (CommonField field : member.pendingChanged()) {
                var key = new MapSqlParameterSource("type", member.ref().type().wireName())
                        .addValue("no", member.ref().no()).addValue("field", field.fieldName());
                jdbc.update("delete from sync_pending where record_type = :type and record_no = :no and field = :field",
                        key);
                List<String> values = member.pending(field);
                for (int position = 0; position < values.size(); position++) {
                    jdbc.update("""
                            insert into sync_pending (record_type, record_no, field, seq, field_value)
                            values (:type, :no, :field, :position, :value)
                            """, new MapSqlParameterSource(key.getValues())
                            .addValue("position", position)
                            .addValue("value", values.get(position)));
                }
            }
            member.pendingChanged().clear();
            if (!member.knownChanged().isEmpty()) {
                Map<String, String> written = new java.util.LinkedHashMap<>();
                member.knownChanged().forEach(field -> written.put(field.fieldName(), member.known(field)));
                knownRecords.mergeWrittenFields(member.ref().type(), member.ref().no(), written);
                member.knownChanged().clear();
            }
        }
    }

    /** Forgets the hub's outstanding writes to a record that left its group. */
    public void forgetPending(RecordRef record) {
        jdbc.update("delete from sync_pending where record_type = :type and record_no = :no",
                new MapSqlParameterSource("type", record.type().wireName()).addValue("no", record.no()));
    }

    private List<Link> activeLinks(String contactNo) {
        return links.findByContact(contactNo).stream().filter(l -> l.status() == LinkStatus.ACTIVE).toList();
    }

    /** A record's common fields as the hub last received them, normalised; fields never reported are left out. */
    public Map<CommonField, String> knownValues(RecordRef ref) {
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        knownRecords.find(ref.type(), ref.no()).ifPresent(known -> known.fields().fields().forEachRemaining(entry ->
                CommonField.fromFieldName(entry.getKey()).filter(f -> f.appliesTo(ref.type())).ifPresent(field ->
                        values.put(field, FieldValues.normalize(field,
                                entry.getValue().isNull() ? null : entry.getValue().asText())))));
        return values;
    }

    private Map<CommonField, List<String>> pending(RecordRef ref) {
        Map<CommonField, List<String>> pending = new EnumMap<>(CommonField.class);
        jdbc.query("""
                select field, field_value from sync_pending where record_type = :type and record_no = :no
                order by field, seq
                """, new MapSqlParameterSource("type", ref.type().wireName()).addValue("no", ref.no()), rs -> {
            var field = CommonField.fromFieldName(rs.getString("field"));
            String value = rs.getString("field_value");
            field.ifPresent(f -> pending.computeIfAbsent(f, x -> new ArrayList<>()).add(value));
        });
        return pending;
    }

    private Map<CommonField, SyncGroup.Agreed> agreed(String contactNo) {
        Map<CommonField, SyncGroup.Agreed> agreed = new EnumMap<>(CommonField.class);
        jdbc.query("select field, field_value, agreed_at, origin_type, origin_no from sync_agreed where contact_no = :no",
                new MapSqlParameterSource("no", contactNo), rs -> {
                    var value = new SyncGroup.Agreed(rs.getString("field_value"),
                            rs.getObject("agreed_at", OffsetDateTime.class),
                            new RecordRef(RecordType.fromWireName(rs.getString("origin_type")).orElseThrow(),
                                    rs.getString("origin_no")));
                    CommonField.fromFieldName(rs.getString("field")).ifPresent(f -> agreed.put(f, value));
                });
        return agreed;
    }

    static LinkType linkType(RecordType type) {
        return switch (type) {
            case CUSTOMER -> LinkType.CUSTOMER;
            case VENDOR -> LinkType.VENDOR;
            case BANK_ACCOUNT -> LinkType.BANK_ACCOUNT;
            case CONTACT -> throw new IllegalArgumentException("a contact is not a link type");
        };
    }
}
