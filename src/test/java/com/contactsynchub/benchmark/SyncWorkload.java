package com.contactsynchub.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.awaitility.Awaitility;

import com.contactsynchub.crash.BrokerEndpoint;
import com.contactsynchub.crash.BrokerManagement;
import com.contactsynchub.crash.BrokerQueues;
import com.contactsynchub.crash.HubApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The traffic of the benchmark, over TCP like real systems: {@code groups} contacts each linked with a customer;
 * contact edits (whole records of about 1 KiB, as the contact system publishes them) on crm.events; and a finance
 * system that applies every {@code customer.update} the hub sends and publishes the whole customer back on erp.events
 * (the echo). An edit therefore costs the hub two inbound events and one command. The finance system also checks
 * per-record order (a customer never gets an older edit after a newer one) and measures each command's latency
 * from the moment its edit was sent.
 */
final class SyncWorkload implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerEndpoint broker;
    /** One connection for the whole run: polling must not cost the broker a connection each time. */
    private final Connection managementConnection;
    private final BrokerManagement management;
    private final int groups;
    private final String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    /** Per group: the contact's version (the contact system's counter). */
    private final long[] contactVersion;
    /** Per group: the customer's version and the last edit number it got (order check). */
    private final long[] customerVersion;
    private final long[] customerLastEdit;
    /** When edit n was sent (nanoTime), for the latency of the command it causes; 0 = not timed. */
    private final long[] editSentAt;
    private final AtomicLong editNo = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong customerUpdates = new AtomicLong();
    private final AtomicLong crmCommands = new AtomicLong();
    private final AtomicInteger orderViolations = new AtomicInteger();
    private final AtomicLong lastCommandAt = new AtomicLong(System.nanoTime());
    private final List<Long> latencies = new ArrayList<>();
    private final ConcurrentHashMap<String, String> answers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;

    SyncWorkload(BrokerEndpoint broker, int groups, int maxEdits) throws Exception {
        this.broker = broker;
        this.managementConnection = broker.connect();
        this.management = new BrokerManagement(managementConnection);
        this.groups = groups;
        this.contactVersion = new long[groups];
        this.customerVersion = new long[groups];
        this.customerLastEdit = new long[groups];
        this.editSentAt = new long[maxEdits + 1];
    }

    String contactNo(int g) {
        return "K" + run + String.format("%05d", g);
    }

    String customerNo(int g) {
        return "C" + run + String.format("%05d", g);
    }

    /** Starts the finance system and the contact system's command reader. */
    void start() {
        threads.add(thread("finance-system", this::financeSystem));
        threads.add(thread("crm-commands", this::readCrmCommands));
    }

    /** Both systems announce their records, the contact system asks for the links; returns when all are active. */
    void linkGroups(HubApi hub, Duration atMost) throws Exception {
        Instant now = Instant.now();
        try (Sender crm = new Sender("crm.events"); Sender erp = new Sender("erp.events")) {
            for (int g = 0; g < groups; g++) {
                contactVersion[g] = 1;
                customerVersion[g] = 1;
                crm.send(record("contact.created", "contactNo", contactNo(g), 1, now, "Contact " + g, g),
                        "contact:" + contactNo(g));
                erp.send(record("customer.created", "customerNo", customerNo(g), 1, now, "Customer " + g, g),
                        "customer:" + customerNo(g));
            }
        }
        Awaitility.await("the hub knows all " + groups + " contacts and customers").atMost(atMost)
                .pollInterval(Duration.ofMillis(500)).pollInSameThread()
                .until(() -> hub.knows("contact", contactNo(groups - 1)) && hub.knows("customer", customerNo(groups - 1))
                        && queuesEmpty());
        List<String> requests = new ArrayList<>();
        try (Sender crm = new Sender("crm.events")) {
            for (int g = 0; g < groups; g++) {
                String id = "link-" + run + "-" + g;
                requests.add(id);
                crm.send("""
                        {"messageId":"%s","type":"link.requested","occurredAt":"%s","source":"crm","contactNo":"%s",\
                        "linkType":"customer","recordNo":"%s","master":"contact"}""".formatted(id, Instant.now(),
                        contactNo(g), customerNo(g)), "contact:" + contactNo(g));
            }
        }
        Awaitility.await("answers to the link requests").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .pollInSameThread().until(() -> answers.keySet().containsAll(requests));
        List<String> refused = requests.stream().filter(r -> !"request.completed".equals(answers.get(r))).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException(refused.size() + " link requests were refused, e.g. " + refused.get(0));
        }
        awaitQuiet(atMost);
    }

    /**
     * Sends {@code edits} contact edits, round robin over the groups, as fast as the broker takes them (commits of
     * 100), and returns when the hub has handled them and their echoes: the inbound events per second.
     */
    Figures saturate(int edits, Duration atMost) throws Exception {
        long echoesBefore = echoes.get();
        long commandsBefore = customerUpdates.get();
        long start = System.nanoTime();
        try (Sender crm = new Sender("crm.events")) {
            for (int i = 0; i < edits; i++) {
                crm.edit(false);
                if (i % 100 == 99) {
                    crm.commit();
                }
            }
        }
        long end = awaitQuiet(atMost);
        long events = edits + (echoes.get() - echoesBefore);
        return new Figures(edits, events, customerUpdates.get() - commandsBefore, (end - start) / 1e9, null);
    }

    /**
     * Offers {@code editsPerSecond} contact edits for {@code duration} (their echoes double the inbound events), each
     * timed, in ticks of 10 ms; returns the latency from an edit sent to its command received, p50 and p99.
     */
    Figures offer(int editsPerSecond, Duration duration, Duration atMost) throws Exception {
        synchronized (latencies) {
            latencies.clear();
        }
        long echoesBefore = echoes.get();
        long commandsBefore = customerUpdates.get();
        long start = System.nanoTime();
        long ticks = duration.toMillis() / 10;
        int sent = 0;
        try (Sender crm = new Sender("crm.events")) {
            for (long tick = 1; tick <= ticks; tick++) {
                long due = editsPerSecond * tick / 100;
                while (sent < due) {
                    crm.edit(true);
                    sent++;
                }
                crm.commit();
                long sleep = start + tick * 10_000_000L - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        awaitQuiet(atMost);
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        long events = sent + (echoes.get() - echoesBefore);
        return new Figures(sent, events, customerUpdates.get() - commandsBefore, offeredSeconds,
                new Latency(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99)));
    }

    int orderViolations() {
        return orderViolations.get();
    }

    long commandsToContacts() {
        return crmCommands.get();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Waits until the hub's queues are empty and no command came for a second; returns when they emptied. */
    private long awaitQuiet(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long emptySince = 0;
        while (System.nanoTime() < deadline) {
            checkFailure();
            long now = System.nanoTime();
            if (queuesEmpty()) {
                if (emptySince == 0) {
                    emptySince = now;
                }
                if (now - emptySince > 1_000_000_000L && now - lastCommandAt.get() > 1_000_000_000L) {
                    return emptySince;
                }
            } else {
                emptySince = 0;
            }
            sleep(100);
        }
        throw new IllegalStateException("The hub's queues were not empty after " + atMost + ": "
                + queuesTotal() + " messages");
    }

    private boolean queuesEmpty() {
        return queuesTotal() == 0;
    }

    private long queuesTotal() {
        try {
            long total = 0;
            for (String queue : BrokerQueues.HUB_QUEUES) {
                total += management.messageCount(queue);
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the queue depths", e);
        }
    }

    /** The next contact edit: edit n changes the name of group n mod groups to "Edit n". */
    private String[] nextEdit(boolean timed) {
        long n = editNo.incrementAndGet();
        int g = (int) (n % groups);
        if (timed) {
            editSentAt[(int) n] = System.nanoTime();
        }
        long version;
        synchronized (contactVersion) {
            version = ++contactVersion[g];
        }
        return new String[] {record("contact.changed", "contactNo", contactNo(g), version, Instant.now(),
                "Edit " + n, g), "contact:" + contactNo(g)};
    }

    /** A whole record as the systems publish it, about 1 KiB. */
    private static String record(String type, String keyField, String no, long version, Instant at, String name,
            int g) {
        String contactFields = type.startsWith("contact") ? ",\"companyNo\":null,\"privacyBlocked\":false" : "";
        return """
                {"messageId":"%s","type":"%s","occurredAt":"%s","source":"%s","version":%d,"%s":"%s",\
                "contactType":"company"%s,"fields":{"name":"%s","name2":null,"searchName":"%s","address":"%d Bench \
                Street","address2":"Building %d","city":"Benchville","postCode":"BV %05d","county":"Bench County",\
                "countryRegionCode":"US","phoneNo":"+1 404 555 %04d","mobilePhoneNo":null,"faxNo":null,"telexNo":null,\
                "telexAnswerBack":null,"email":"info@g%d.example.com","homePage":"www.g%d.example.com",\
                "territoryCode":null,"currencyCode":"USD","languageCode":"ENU","formatRegion":null,\
                "vatRegistrationNo":"US-%08d","registrationNumber":null,"salespersonCode":"JO"}}"""
                .formatted(UUID.randomUUID(), type, at, type.startsWith("contact") ? "crm" : "erp", version, keyField,
                        no, contactFields, name, name.toUpperCase(), g, g % 50, g, g % 10_000, g, g, g);
    }

    /** The finance system: applies each customer.update and publishes the whole customer (the echo). */
    private void financeSystem() throws Exception {
        Connection connection = broker.connect();
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            MessageConsumer commands = session.createConsumer(session.createQueue("erp.commands"));
            MessageProducer events = session.createProducer(session.createQueue("erp.events"));
            events.setDeliveryMode(DeliveryMode.PERSISTENT);
            int uncommitted = 0;
            while (running) {
                Message m = commands.receive(uncommitted == 0 ? 200 : 2);
                if (m != null) {
                    long receivedAt = System.nanoTime();
                    lastCommandAt.set(receivedAt);
                    JsonNode command = JSON.readTree(((TextMessage) m).getText());
                    if ("customer.update".equals(command.path("type").asText())) {
                        customerUpdates.incrementAndGet();
                        String no = command.path("customerNo").asText();
                        int g = Integer.parseInt(no.substring(no.length() - 5));
                        String name = command.path("fields").path("name").asText("");
                        if (name.startsWith("Edit ")) {
                            long n = Long.parseLong(name.substring(5));
                            if (n < customerLastEdit[g]) {
                                orderViolations.incrementAndGet();
                            }
                            customerLastEdit[g] = n;
                            if (n < editSentAt.length && editSentAt[(int) n] != 0) {
                                synchronized (latencies) {
                                    latencies.add(receivedAt - editSentAt[(int) n]);
                                }
                            }
                        }
                        TextMessage echo = session.createTextMessage(record("customer.changed", "customerNo", no,
                                ++customerVersion[g], Instant.now(), name, g));
                        echo.setStringProperty("JMSXGroupID", "customer:" + no);
                        events.send(echo);
                        echoes.incrementAndGet();
                    }
                    uncommitted++;
                }
                if (uncommitted > 0 && (m == null || uncommitted >= 50)) {
                    session.commit();
                    uncommitted = 0;
                }
            }
        } finally {
            broker.release(connection);
        }
    }

    /** The contact system's side of crm.commands: answers to its link requests; anything else is counted. */
    private void readCrmCommands() throws Exception {
        Connection connection = broker.connect();
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            MessageConsumer commands = session.createConsumer(session.createQueue("crm.commands"));
            int uncommitted = 0;
            while (running) {
                Message m = commands.receive(uncommitted == 0 ? 200 : 2);
                if (m == null && uncommitted > 0 || uncommitted >= 50) {
                    session.commit();
                    uncommitted = 0;
                }
                if (m != null) {
                    uncommitted++;
                    JsonNode command = JSON.readTree(((TextMessage) m).getText());
                    String type = command.path("type").asText();
                    if (type.startsWith("request.")) {
                        answers.put(command.path("requestId").asText(), type);
                    } else {
                        crmCommands.incrementAndGet();
                        lastCommandAt.set(System.nanoTime());
                    }
                }
            }
        } finally {
            broker.release(connection);
        }
    }

    private Thread thread(String name, Worker worker) {
        Thread thread = new Thread(() -> {
            try {
                worker.run();
            } catch (Throwable e) {
                if (running) {
                    failure = e;
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void checkFailure() {
        if (failure != null) {
            throw new IllegalStateException("The simulated systems failed", failure);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        broker.release(managementConnection);
    }

    private interface Worker {
        void run() throws Exception;
    }

    /** A transacted producer on one queue; commits when closed. */
    private final class Sender implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;
        private int uncommitted;

        Sender(String queue) throws Exception {
            connection = broker.connect();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }

        void edit(boolean timed) throws Exception {
            String[] edit = nextEdit(timed);
            send(edit[0], edit[1]);
        }

        void send(String body, String groupId) throws Exception {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("JMSXGroupID", groupId);
            producer.send(message);
            if (++uncommitted >= 500) {
                commit();
            }
        }

        void commit() throws Exception {
            session.commit();
            uncommitted = 0;
        }

        @Override
        public void close() throws Exception {
            try {
                commit();
            } finally {
                broker.release(connection);
            }
        }
    }

    /** What one phase measured. */
    record Figures(int edits, long events, long commands, double seconds, Latency latency) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    record Latency(int samples, double p50Millis, double p99Millis) {
    }

}
