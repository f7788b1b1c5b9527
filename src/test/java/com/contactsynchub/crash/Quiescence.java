package com.contactsynchub.crash;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * "Nothing left to do", by conditions: both systems have handed every event to the broker, no command has arrived
 * for a while, and the broker holds nothing on the hub's event and command queues (not even a message being
 * delivered or waiting for redelivery). Only then do the records mean anything.
 */
final class Quiescence {

    private Quiescence() {
    }

    static Duration await(SystemsSimulator simulator, BrokerQueues queues, HubDeployment deployment, Duration quiet,
            Duration atMost) {
        Instant from = Instant.now();
        try {
            Awaitility.await("quiescence").atMost(atMost).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                    .until(() -> deployment.allAlive()
                            && simulator.unsentEvents() == 0
                            && simulator.millisSinceLastCommand() >= quiet.toMillis()
                            && queues.hubQueuesEmpty()
                            // again: a command may have arrived while the broker was asked
                            && simulator.unsentEvents() == 0
                            && simulator.millisSinceLastCommand() >= quiet.toMillis());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Not quiet after " + atMost + ": unsent events "
                    + simulator.unsentEvents() + ", last command " + simulator.millisSinceLastCommand()
                    + " ms ago, queues " + queues.counts(BrokerQueues.HUB_QUEUES).map(Object::toString)
                            .orElse("(broker not answering)") + ", hubs alive " + deployment.allAlive(), e);
        }
        return Duration.between(from, Instant.now());
    }
}
