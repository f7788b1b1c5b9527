package com.contactsynchub.camel;

import java.time.Duration;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * A listener container whose transacted session commits after several messages instead of after each: after
 * {@code maxMessages} messages, or {@code maxDelay} after the first uncommitted one, whichever comes first, and at once
 * when the queue has nothing more to give. A JMS commit waits for the broker's journal to reach the disk; one commit
 * for up to {@code maxMessages} messages is most of the hub's speed-up over a commit per message (docs/performance.md).
 * <p>
 * Exactly-once is unchanged (docs/exactly-once.md): each message is still decided and stored in a database
 * transaction of its own, committed before the JMS commit. A crash or a rollback between the two redelivers the
 * batch's messages, and the hub finds their ids recorded and applies none of them twice. What a message of the batch
 * sent through the session (to {@code hub.invalid}, to {@code hub.dead-letter}) is committed or rolled back with the
 * batch, so a refused message is never lost and never left on both queues.
 * <p>
 * Each consumer thread has its own session, so the count of uncommitted messages is kept per thread.
 */
public class BatchCommitListenerContainer extends DefaultMessageListenerContainer {

    private final int maxMessages;
    private final long maxDelayNanos;
    private final ThreadLocal<Uncommitted> uncommitted = ThreadLocal.withInitial(Uncommitted::new);

    public BatchCommitListenerContainer(int maxMessages, Duration maxDelay) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("hub.events.commit-batch-size must be at least 1, was " + maxMessages);
        }
        this.maxMessages = maxMessages;
        this.maxDelayNanos = maxDelay.toNanos();
    }

    /**
     * While messages wait for their commit, only what the consumer can have at once: when the queue has nothing more
     * for it, the batch is committed (a null here makes the container commit). Idle, the usual receive timeout.
     */
    @Override
    protected Message receiveMessage(MessageConsumer consumer) throws JMSException {
        Uncommitted pending = uncommitted.get();
        if (pending.count == 0) {
            return super.receiveMessage(consumer);
        }
        return System.nanoTime() - pending.deadline >= 0 ? null : consumer.receiveNoWait();
    }

    /** Called after each message (and with none when a receive came back empty): commits when the batch is due. */
    @Override
    protected void commitIfNecessary(Session session, Message message) throws JMSException {
        Uncommitted pending = uncommitted.get();
        if (message != null) {
            if (pending.count++ == 0) {
                pending.deadline = System.nanoTime() + maxDelayNanos;
            }
            if (pending.count < maxMessages && System.nanoTime() < pending.deadline) {
                return;
            }
        }
        try {
            super.commitIfNecessary(session, message);
        } finally {
            pending.count = 0;
        }
    }

    /** A failure rolls back every uncommitted message of the session: their ids are recorded, so they are skipped. */
    @Override
    protected void rollbackIfNecessary(Session session) throws JMSException {
        try {
            super.rollbackIfNecessary(session);
        } finally {
            uncommitted.get().count = 0;
        }
    }

    @Override
    protected void rollbackOnExceptionIfNecessary(Session session, Throwable ex) throws JMSException {
        try {
            super.rollbackOnExceptionIfNecessary(session, ex);
        } finally {
            uncommitted.get().count = 0;
        }
    }

    private static final class Uncommitted {
        int count;
        long deadline;
    }
}
