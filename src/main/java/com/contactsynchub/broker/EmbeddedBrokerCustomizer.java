package com.contactsynchub.broker;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

import com.contactsynchub.contract.QueueNames;

/**
 * Completes Spring Boot's embedded Artemis so that it behaves like the standalone broker of production
 * (see docker/artemis/broker.xml): a core acceptor for outside clients, redelivery with back-off, a dead-letter
 * queue for messages that keep failing, and persistent duplicate detection for the hub's commands.
 */
@Component
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class EmbeddedBrokerCustomizer implements ArtemisConfigurationCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerCustomizer.class);

    private final BrokerProperties broker;
    private final QueueNames queues;

    EmbeddedBrokerCustomizer(BrokerProperties broker, QueueNames queues) {
        this.broker = broker;
        this.queues = queues;
    }

    @Override
    public void customize(Configuration configuration) {
        if (broker.coreAcceptor() != null && !broker.coreAcceptor().isBlank()) {
            try {
                // Only the core protocol: AMQP/STOMP/MQTT ports on this machine belong to other brokers.
                configuration.addAcceptorConfiguration("core", broker.coreAcceptor() + "?protocols=CORE");
            } catch (Exception e) {
                throw new IllegalStateException("Invalid hub.broker.core-acceptor: " + broker.coreAcceptor(), e);
            }
        }
        // Spring Boot turns the embedded broker's security off; with a login configured it is on and
        // BrokerLogin checks it (StartupSafety refuses an acceptor beyond 127.0.0.1 without one).
        configuration.setSecurityEnabled(broker.loginRequired());
        configuration.setJMXManagementEnabled(true);
        // The journal's flush timer tuned to this disk, as artemis create tunes a standalone broker (both journal
        // types: the broker falls back from AIO to NIO where libaio is missing).
        int timeout = (int) JournalCalibration.bufferTimeout(configuration.getJournalLocation().toPath()).toNanos();
        configuration.setJournalBufferTimeout_NIO(timeout);
        configuration.setJournalBufferTimeout_AIO(timeout);
        log.info("Embedded broker journal: type {}, journal-buffer-timeout {} ns "
                + "(calibrated on this disk), datasync {}", configuration.getJournalType(), timeout,
                configuration.isJournalDatasync());
        configuration.setPersistIDCache(true);
        configuration.setIDCacheSize(100_000);

        AddressSettings settings = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(queues.deadLetter()))
                .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(broker.maxRedeliveryDelay().toMillis())
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true);
        configuration.addAddressSetting("#", settings);
        // Command queues are redelivered at once: a delayed redelivery would let the next command for the same
        // record (same message group) overtake the one that failed, and the system would apply them out of order.
        for (String commandQueue : new String[] {queues.crmCommands(), queues.erpCommands()}) {
            configuration.addAddressSetting(commandQueue, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(queues.deadLetter()))
                    .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                    .setRedeliveryDelay(0)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true));
        }
        // The dead-letter queue itself never dead-letters (a failing consumer there would loop).
        configuration.addAddressSetting(queues.deadLetter(), new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
    }
}
