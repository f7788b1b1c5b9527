package com.contactsynchub.crash;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.transaction.TransactionOperationAbstract;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.command.UnsentCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.intake.KnownRecord;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hooks of {@link CrashPointsIT}, for the child JVM started by {@link CrashPointHub}: the system property
 * {@code hub.crash-point} (E1, E2, E3, R1, R2, R3) installs exactly one of them; without it nothing is installed (a
 * {@code @TestConfiguration}, so the in-process tests' component scan leaves it out as well).
 *
 * <p>E1, E2, E3, R1 and R2 act only on the event whose messageId starts with {@link #marker(String)} (or on the batch
 * holding its command): they print {@code CRASH-POINT <point> REACHED ...} on stdout and then block their thread
 * for good, holding whatever transaction is open there, until the test kills the JVM with SIGKILL. The line also
 * says which transactions are bound to the thread at that moment, and the test checks from outside (HTTP API,
 * Prometheus gauge, broker's queue counts) that the database and the broker are in the state the point names
 * before it kills the process.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CrashPointHooks.PROPERTY)
public class CrashPointHooks {

    public static final String PROPERTY = "hub.crash-point";

    /** The target of R3's second command, besides the contact.create of the event. */
    public static final String R3_EXTRA_TARGET = "contact:R3-EXTRA";

    /** The messageId prefix that arms the hook of a crash point. */
    public static String marker(String point) {
        return "crash-" + point + "-";
    }

    /** The line the hook prints when its point is reached (followed by details). */
    public static String reachedLine(String point) {
        return "CRASH-POINT " + point + " REACHED";
    }

    /**
     * E1: registered while the event's database transaction decides (handler step "decide"); {@code beforeCommit}
     * runs when apply-event has ended, i.e. after "store" wrote the decision and the outbox rows, and before the
     * database commits. Blocking here leaves the database transaction open (uncommitted) and the event
     * unacknowledged.
     */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "E1")
    EventHandler e1BeforeDatabaseCommit() {
        return new SynchronizationHook("E1", new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                reached("E1", "databaseTransaction=" + TransactionSynchronizationManager.isActualTransactionActive()
                        + " phase=beforeCommit");
            }
        });
    }

    /**
     * E2: {@code afterCommit} of the event's database transaction, i.e. the database has committed and the
     * consumer's JMS transaction (committed when the route erp-events returns) has not: the event is not
     * acknowledged. This synchronization is registered in "decide", before the outbox registers its own (in
     * "store"), and equal-order synchronizations run in registration order: blocking here also keeps the outbox's
     * after-commit wake-up of the relay from happening; only the relay's poll (hub.relay.poll-interval) still sends.
     */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "E2")
    EventHandler e2AfterDatabaseCommit() {
        return new SynchronizationHook("E2", new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reached("E2", "phase=afterCommit");
            }
        });
    }

    /**
     * R1: fired by the route send-commands right after the jms producer of {@code to-crm-commands} has sent the
     * marked command, inside the JMS transaction opened by send-commands-transacted (bound to this thread, not yet
     * committed) and inside the relay's database transaction.
     */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "R1")
    EventNotifierSupport r1SentNotCommitted(QueueNames queues, ConnectionFactory jms, DataSource database) {
        String marker = marker("R1");
        String endpoint = "jms://queue:" + queues.crmCommands();
        return new SentHook(sent -> endpoint.equals(sent.getEndpoint().getEndpointUri())
                && sent.getExchange().getException() == null
                && String.valueOf(sent.getExchange().getMessage().getBody(String.class)).contains(
                        "\"causationId\":\"" + marker),
                sent -> reached("R1", "endpoint=" + sent.getEndpoint().getEndpointUri() + " " + bound(jms, database)));
    }

    /**
     * R2: fired by the route command-relay after its step {@code send-in-one-transaction}
     * ({@code direct:send-commands-transacted}) has returned: the JMS transaction opened and committed inside that
     * route is over (committed), the relay's database transaction is still open and its next step, mark-sent, has
     * not run.
     */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "R2")
    EventNotifierSupport r2CommittedNotMarked(ConnectionFactory jms, DataSource database) {
        String marker = marker("R2");
        return new SentHook(sent -> "direct://send-commands-transacted".equals(sent.getEndpoint().getEndpointUri())
                && sent.getExchange().getException() == null
                && sent.getExchange().getMessage().getBody() instanceof List<?> batch
                && batch.stream().anyMatch(c -> c instanceof UnsentCommand u
                        && u.command().causationId().startsWith(marker)),
                sent -> reached("R2", "endpoint=" + sent.getEndpoint().getEndpointUri() + " " + bound(jms, database)));
    }

    /**
     * R3 (no crash): the marked event decides one more command besides its contact.create, in the same database
     * transaction, so both leave the outbox in one relay batch, i.e. one JMS transaction.
     */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "R3")
    EventHandler r3SecondCommand(CommandFactory commands) {
        String marker = marker("R3");
        return new EventHandler() {
            @Override
            public boolean handles(InboundMessage message) {
                return message.messageId().startsWith(marker);
            }

            @Override
            public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
                ObjectNode payload = JsonNodeFactory.instance.objectNode();
                payload.putObject("fields").put("name", "R3 second command");
                String no = R3_EXTRA_TARGET.substring("contact:".length());
                return List.of(commands.create(message.messageId(), MessageType.CONTACT_UPDATE, R3_EXTRA_TARGET,
                        "contactNo", no, payload));
            }
        };
    }

    /**
     * E3: the broker's side of the event's acknowledgement. The hub's consumer commits its JMS transaction right
     * after the database commit; the embedded broker calls this plugin when the commit acknowledges the marked event
     * on erp.events, and the operation added to that broker transaction runs {@code afterCommit}, i.e. once the
     * acknowledgement is stored in the broker's journal (the event will never be redelivered). The database commit
     * happened a few milliseconds earlier. The test kills the process as soon as the line appears
     * ({@link com.contactsynchub.support.ChildHub#killOnLine}), without a check first: the point is how soon.
     */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "E3")
    ArtemisConfigurationCustomizer e3AfterTheAcknowledgement(QueueNames queues) {
        String marker = marker("E3");
        return configuration -> configuration.registerBrokerPlugin(new ActiveMQServerMessagePlugin() {
            @Override
            public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason,
                    ServerConsumer consumer) {
                if (tx != null && reason == AckReason.NORMAL
                        && queues.erpEvents().equals(ref.getQueue().getName().toString())
                        && body(ref).contains("\"messageId\":\"" + marker)) {
                    tx.addOperation(TransactionOperationAbstract.afterCommit(() -> reached("E3",
                            "queue=" + ref.getQueue().getName() + " phase=broker-afterCommit")));
                }
            }
        });
    }

    /** E3: notes (without stopping) when the marked event's database transaction has committed, to time E3. */
    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "E3")
    EventHandler e3DatabaseCommitted() {
        return new SynchronizationHook("E3", new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                System.out.println("CRASH-POINT E3 database committed at=" + java.time.Instant.now());
                System.out.flush();
            }
        });
    }

    private static String body(MessageReference ref) {
        try {
            SimpleString text = ref.getMessage().toCore().getReadOnlyBodyBuffer().readNullableSimpleString();
            return text == null ? "" : text.toString();
        } catch (RuntimeException notText) {
            return "";
        }
    }

    private static String bound(ConnectionFactory jms, DataSource database) {
        return "jmsTransaction=" + (TransactionSynchronizationManager.getResource(jms) != null)
                + " databaseTransaction=" + (TransactionSynchronizationManager.getResource(database) != null);
    }

    /** Prints the point's line and never returns: the thread, and the transactions it holds, wait for SIGKILL. */
    static void reached(String point, String details) {
        System.out.println(reachedLine(point) + " thread=" + Thread.currentThread().getName() + " " + details
                + " at=" + java.time.Instant.now());
        System.out.flush();
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Not even a shutdown may let this thread go on: the point is that the process dies here.
            }
        }
    }

    /** An event handler that, for the marked event only, registers a synchronization on its database transaction. */
    private static final class SynchronizationHook implements EventHandler {

        private final String marker;
        private final TransactionSynchronization synchronization;

        SynchronizationHook(String point, TransactionSynchronization synchronization) {
            this.marker = marker(point);
            this.synchronization = synchronization;
        }

        @Override
        public boolean handles(InboundMessage message) {
            return message.messageId().startsWith(marker);
        }

        @Override
        public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
            TransactionSynchronizationManager.registerSynchronization(synchronization);
            return List.of();
        }
    }

    /** A Camel event notifier acting on one ExchangeSentEvent; Camel calls it synchronously on the route's thread. */
    private static final class SentHook extends EventNotifierSupport {

        private final java.util.function.Predicate<ExchangeSentEvent> when;
        private final java.util.function.Consumer<ExchangeSentEvent> then;

        SentHook(java.util.function.Predicate<ExchangeSentEvent> when,
                java.util.function.Consumer<ExchangeSentEvent> then) {
            this.when = when;
            this.then = then;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeSentEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            ExchangeSentEvent sent = (ExchangeSentEvent) event;
            if (when.test(sent)) {
                then.accept(sent);
            }
        }
    }
}
