package com.contactsynchub.sync;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;

/**
 * What the end-to-end sync tests share: linked groups created in the reference systems and known to the hub, the
 * commands the hub stored per target, the journal, and waiting until the whole system is quiet.
 */
public class SyncTestSupport {

    /** A company contact with its linked customer, vendor and bank account (those not asked for are null). */
    public record Group(String contactNo, String customerNo, String vendorNo, String bankAccountNo) {

        public List<RecordRef> financeRecords() {
            List<RecordRef> refs = new ArrayList<>();
            if (customerNo != null) {
                refs.add(new RecordRef(RecordType.CUSTOMER, customerNo));
            }
            if (vendorNo != null) {
                refs.add(new RecordRef(RecordType.VENDOR, vendorNo));
            }
            if (bankAccountNo != null) {
                refs.add(new RecordRef(RecordType.BANK_ACCOUNT, bankAccountNo));
            }
            return refs;
        }

        public RecordRef contact() {
            return new RecordRef(RecordType.CONTACT, contactNo);
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ContactSystem crm;
    private final FinanceSystem erp;
    private final LinkRegistry links;
    private final KnownRecords known;
    private final Journal journal;
    private final NamedParameterJdbcTemplate jdbc;
    private final EmbeddedActiveMQ broker;
    private final QueueNames queues;

    public SyncTestSupport(ContactSystem crm, FinanceSystem erp, LinkRegistry links, KnownRecords known,
            Journal journal, NamedParameterJdbcTemplate jdbc, EmbeddedActiveMQ broker, QueueNames queues) {
        this.crm = crm;
        this.erp = erp;
        this.links = links;
        this.known = known;
        this.journal = journal;
        this.jdbc = jdbc;
        this.broker = broker;
        this.queues = queues;
    }

    /** A record no. used by no other test of the JVM: a prefix and 8 characters (at most 20 in all). */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + SEQUENCE.incrementAndGet() % 100;
    }

    /** The same starting values for every record of a group, so that it agrees before the test acts. */
    public static Map<CommonField, String> startValues(String name) {
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        values.put(CommonField.NAME, name);
        values.put(CommonField.CITY, "Atlanta");
        values.put(CommonField.COUNTRY_REGION_CODE, "US");
        return values;
    }

    /** A company contact linked with a new customer, vendor and bank account. */
    public Group linkedGroup() {
        return linkedGroup(true, true, true);
    }

    public Group linkedGroup(boolean customer, boolean vendor, boolean bankAccount) {
        Group group = new Group(unique("CT"), customer ? unique("C") : null, vendor ? unique("V") : null,
                bankAccount ? unique("B") : null);
        Map<CommonField, String> start = startValues("Company " + group.contactNo());
        crm.create(group.contactNo(), "company", null, false, start);
        for (RecordRef ref : group.financeRecords()) {
            erp.create(kind(ref.type()), ref.no(), "company", only(start, ref.type()), Map.of());
        }
        awaitKnown(group.contact());
        group.financeRecords().forEach(this::awaitKnown);
        for (RecordRef ref : group.financeRecords()) {
            links.link(group.contactNo(), SyncGroups.linkType(ref.type()), ref.no());
        }
        return group;
    }

    public void awaitKnown(RecordRef ref) {
        await().atMost(Duration.ofSeconds(20)).until(() -> known.find(ref.type(), ref.no()).isPresent());
    }

    /** The record's common fields in its own system, normalised as the hub compares them. */
    public Map<CommonField, String> valuesIn(RecordRef ref) {
        Map<CommonField, String> raw = ref.type() == RecordType.CONTACT
                ? crm.find(ref.no()).orElseThrow().fields()
                : erp.find(kind(ref.type()), ref.no()).orElseThrow().fields();
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        for (CommonField field : CommonField.of(ref.type())) {
            values.put(field, FieldValues.normalize(field, raw.get(field)));
        }
        return values;
    }

    /** What the hub's sync_agreed table holds for the group. */
    public Map<CommonField, String> agreed(String contactNo) {
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        jdbc.query("select field, field_value from sync_agreed where contact_no = :no",
                new MapSqlParameterSource("no", contactNo), rs -> {
                    values.put(CommonField.fromFieldName(rs.getString("field")).orElseThrow(),
                            rs.getString("field_value"));
                });
        return values;
    }

    /** How many commands the hub stored (and sent) for a target record, e.g. {@code customer:C1}. */
    public int commandsTo(RecordRef target) {
        return jdbc.queryForObject("select count(*) from outbound_command where group_id = :target",
                new MapSqlParameterSource("target", target.toString()), Integer.class);
    }

    /** The payloads of the commands to a target, oldest first. */
    public List<String> commandPayloads(RecordRef target) {
        return jdbc.queryForList("select payload from outbound_command where group_id = :target order by seq",
                new MapSqlParameterSource("target", target.toString()), String.class);
    }

    public List<JournalEntry> journal(RecordRef ref) {
        return journal.forRecord(ref.type().wireName(), ref.no(), 500);
    }

    public List<String> decisions(RecordRef ref) {
        return journal(ref).stream().map(JournalEntry::decision).toList();
    }

    /**
     * Waits until nothing moves any more: no message waiting on the event and command queues, and the counts of
     * received messages and stored commands unchanged for {@code quiet}; at most {@code atMost} in all.
     */
    public void awaitQuiet(Duration quiet, Duration atMost) {
        long[] last = {-1, -1};
        long[] since = {System.nanoTime()};
        long[] reported = {System.nanoTime()};
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            long inbound = count("select count(*) from inbound_message");
            long outbound = count("select count(*) from outbound_command");
            boolean queuesEmpty = waiting(queues.crmEvents()) + waiting(queues.erpEvents())
                    + waiting(queues.crmCommands()) + waiting(queues.erpCommands()) == 0;
            if (System.nanoTime() - reported[0] > 10_000_000_000L) {
                reported[0] = System.nanoTime();
                System.out.printf("waiting for quiet: %d received, %d commands, on the queues %d/%d/%d/%d (crm.events,"
                        + " erp.events, crm.commands, erp.commands)%n", inbound, outbound, waiting(queues.crmEvents()),
                        waiting(queues.erpEvents()), waiting(queues.crmCommands()), waiting(queues.erpCommands()));
            }
            if (inbound != last[0] || outbound != last[1] || !queuesEmpty) {
                last[0] = inbound;
                last[1] = outbound;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] >= quiet.toNanos();
        });
    }

    public void awaitQuiet() {
        awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    public long count(String sql) {
        Long value = jdbc.getJdbcTemplate().queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    /** Messages on the queue as the broker counts them: waiting, being delivered and scheduled for redelivery. */
    private long waiting(String queue) {
        var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    public static FinanceKind kind(RecordType type) {
        return FinanceKind.of(type).orElseThrow();
    }

    /** The values of the fields a record type has. */
    public static Map<CommonField, String> only(Map<CommonField, String> values, RecordType type) {
        Map<CommonField, String> result = new EnumMap<>(CommonField.class);
        values.forEach((field, value) -> {
            if (field.appliesTo(type)) {
                result.put(field, value);
            }
        });
        return result;
    }

    public static LinkType linkType(RecordType type) {
        return SyncGroups.linkType(type);
    }
}
