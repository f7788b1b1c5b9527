package com.contactsynchub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * The batch-committing listener container on a real (embedded, persistent) Artemis, without Camel: what it
 * acknowledges and sends becomes visible only at its commits, which come after N messages, after the delay, or when
 * the queue is empty; a failure rolls back the whole uncommitted batch, which comes again.
 */
class BatchCommitListenerContainerTest {

    @TempDir
    Path data;

    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory factory;
    private BatchCommitListenerContainer container;
    private Connection observer;

    @BeforeEach
    void startBroker() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(data.resolve("journal").toString());
        configuration.setBindingsDirectory(data.resolve("bindings").toString());
        configuration.setPagingDirectory(data.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(data.resolve("large").toString());
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        factory = new ActiveMQConnectionFactory("vm://0");
        observer = factory.createConnection();
        observer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.shutdown();
        }
        observer.close();
        factory.close();
        broker.stop();
    }

    @Test
    void theCommitComesAfterBatchSizeMessagesOrWhenTheQueueIsEmpty() throws Exception {
        CountDownLatch atTwo = new CountDownLatch(1);
        CountDownLatch atFour = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(3, Duration.ofMinutes(5), (text, session) -> {
            copy(session, text);
            if (text.equals("2")) {
                atTwo.countDown();
                awaitLatch(release);
            }
            if (text.equals("4")) {
                atFour.countDown();
            }
        });
        send("1", "2", "3", "4", "5");

        awaitLatch(atTwo);
        assertThat(committedCopies()).as("message 1 is handled but not committed: the batch holds 3").isZero();
        release.countDown();
        awaitLatch(atFour);
        assertQueueDepth("out", n -> n >= 3);
        assertThat(receiveCopies(5)).as("1-3 committed as a batch; 4 and 5 when the queue ran empty")
                .containsExactly("1", "2", "3", "4", "5");
        assertQueueDepth("in", n -> n == 0);
    }

    @Test
    void theCommitComesWhenTheDelayIsUpEvenBeforeTheBatchIsFull() throws Exception {
        CountDownLatch atThree = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(100, Duration.ofMillis(100), (text, session) -> {
            copy(session, text);
            if (text.equals("2")) {
                Thread.sleep(300); // handling message 2 outlasts the delay counted from message 1
            }
            if (text.equals("3")) {
                atThree.countDown();
                awaitLatch(release);
            }
        });
        send("1", "2", "3");

        awaitLatch(atThree);
        assertQueueDepth("out", n -> n == 2);
        release.countDown();
        assertThat(receiveCopies(3)).containsExactly("1", "2", "3");
    }

    @Test
    void aFailureRollsBackTheUncommittedBatchWhichIsDeliveredAgain() throws Exception {
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        start(10, Duration.ofMinutes(5), (text, session) -> {
            handled.add(text);
            copy(session, text);
            if (text.equals("3") && Collections.frequency(handled, "3") == 1) {
                throw new IllegalStateException("the first attempt at message 3 fails");
            }
        });
        send("1", "2", "3", "4");

        assertQueueDepth("in", n -> n == 0);
        assertThat(handled).as("1 and 2 were rolled back with 3 and came again").containsSubsequence(
                "1", "2", "3", "1", "2", "3", "4");
        assertThat(receiveCopies(4)).as("the copies sent before the failure were rolled back with it")
                .containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(committedCopies()).isZero();
    }

    private interface Handler {
        void handle(String text, Session session) throws Exception;
    }

    private void start(int batchSize, Duration maxDelay, Handler handler) {
        container = new BatchCommitListenerContainer(batchSize, maxDelay);
        container.setConnectionFactory(factory);
        container.setDestinationName("in");
        container.setSessionTransacted(true);
        container.setCacheLevel(BatchCommitListenerContainer.CACHE_CONSUMER);
        container.setReceiveTimeout(200);
        container.setMessageListener((SessionAwareMessageListener<Message>) (message, session) -> {
            try {
                handler.handle(((TextMessage) message).getText(), session);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        container.afterPropertiesSet();
        container.start();
    }

    private static void copy(Session session, String text) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue("out"))) {
            producer.send(session.createTextMessage(text));
        }
    }

    private void send(String... texts) throws Exception {
        try (Session session = observer.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue("in"));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
            session.commit();
        }
    }

    /** {@code count} copies, in queue order (fewer if they do not come within 10 s each). */
    private List<String> receiveCopies(int count) throws Exception {
        List<String> copies = new ArrayList<>();
        try (Session session = observer.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("out"))) {
            while (copies.size() < count) {
                Message m = consumer.receive(10_000);
                if (m == null) {
                    break;
                }
                copies.add(((TextMessage) m).getText());
            }
        }
        return copies;
    }

    private long committedCopies() {
        return broker.getActiveMQServer().locateQueue("out") == null ? 0
                : broker.getActiveMQServer().locateQueue("out").getMessageCount();
    }

    private void assertQueueDepth(String queue, java.util.function.LongPredicate expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var q = broker.getActiveMQServer().locateQueue(queue);
            return q != null && expected.test(q.getMessageCount());
        });
    }

    private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test did not release the listener");
        }
    }
}
