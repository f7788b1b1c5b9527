package com.contactsynchub.coupling;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.contactsynchub.ContactSyncHubApplication;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.intake.KnownRecord;

/**
 * The hub as {@link CouplingCrashIT} runs it in a child JVM, with an optional crash point: with the system property
 * {@code hub.coupling-crash-after=N}, the database transaction holding the N-th message of a coupling run prints
 * {@code COUPLING-CRASH-POINT REACHED} once it has COMMITTED and blocks its thread for good: the batch is in the
 * database, its proposals are not marked done. The test kills the process at that line.
 */
public final class CouplingCrashHub {

    public static final String PROPERTY = "hub.coupling-crash-after";
    public static final String REACHED = "COUPLING-CRASH-POINT REACHED";

    private CouplingCrashHub() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(ContactSyncHubApplication.class, Hook.class).run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY)
    public static class Hook {

        @Bean
        EventHandler couplingCrashPoint(Environment environment) {
            int after = Integer.parseInt(environment.getRequiredProperty(PROPERTY));
            AtomicInteger seen = new AtomicInteger();
            return new EventHandler() {
                @Override
                public boolean handles(InboundMessage message) {
                    return message.messageId().startsWith("coupling:");
                }

                @Override
                public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
                    if (seen.incrementAndGet() == after) {
                        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                System.out.println(REACHED + " after message " + message.messageId());
                                System.out.flush();
                                CountDownLatch never = new CountDownLatch(1);
                                while (true) {
                                    try {
                                        never.await();
                                    } catch (InterruptedException e) {
                                        // the process is to die here
                                    }
                                }
                            }
                        });
                    }
                    return List.of();
                }
            };
        }
    }
}
