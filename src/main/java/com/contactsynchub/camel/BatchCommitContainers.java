package com.contactsynchub.camel;

import java.time.Duration;

import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Makes the listener containers of the event routes ({@code consumerType: Custom},
 * {@code messageListenerContainerFactory: "#batchCommitContainers"}): Camel configures them as usual (consumers,
 * cache level, a local transacted session when {@code lazyCreateTransactionManager} is false); they commit in batches.
 */
@Component("batchCommitContainers")
public class BatchCommitContainers implements MessageListenerContainerFactory {

    private final int batchSize;
    private final Duration maxDelay;

    public BatchCommitContainers(@Value("${hub.events.commit-batch-size:50}") int batchSize,
            @Value("${hub.events.commit-max-delay:20ms}") Duration maxDelay) {
        this.batchSize = batchSize;
        this.maxDelay = maxDelay;
    }

    @Override
    public AbstractMessageListenerContainer createMessageListenerContainer(JmsEndpoint endpoint) {
        return new BatchCommitListenerContainer(batchSize, maxDelay);
    }
}
