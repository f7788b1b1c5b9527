package com.contactsynchub.camel;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.builder.SpringTransactionErrorHandlerBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Error handling for the routes that consume the event queues, chosen in YAML with
 * {@code routeConfigurationId: transacted-jms}.
 *
 * <p>Invalid messages are not errors: the intake step classifies them and the route sends them to hub.invalid.
 * What is left are failures of the hub's own resources:
 * <ul>
 * <li><b>The database cannot be reached</b> (no connection, no transaction): the consumer waits and retries the same
 * message in place, with back-off up to 30 s, for as long as it takes. The message stays unacknowledged on the broker,
 * the consumer takes no other message meanwhile, and no delivery attempt is used up, so an outage of any length
 * sends nothing to the dead-letter queue.</li>
 * <li><b>Anything else</b> (a bug, a broken table): no retry in Camel and nothing "handled": the exception rolls the
 * JMS transaction back, the broker redelivers with back-off. The last attempt is not rolled back: the event routes
 * catch it ({@link DeadLetters}) and move the message to the dead-letter queue themselves, with the failure's class
 * and message, in the consume's JMS transaction. Handling a generic exception here would commit the consume and
 * silently lose the message.</li>
 * </ul>
 * Retrying the apply step in place is safe: its database work is one transaction that either committed (then the
 * retry finds the message id: a duplicate) or rolled back.
 *
 * <p>The command relay ({@code routeConfigurationId: command-relay}) has no message to give back: a failed batch
 * rolls back, its commands stay in the outbox and go at the next wake-up or poll.
 */
@Component
public class HubErrorHandling extends RouteConfigurationBuilder {

    public static final String TRANSACTED_JMS = "transacted-jms";
    public static final String COMMAND_RELAY = "command-relay";
    public static final String APPLY_EVENT = "apply-event";

    /**
     * The database being away: retried in place, never counted as a failed delivery. A connection lost
     * mid-transaction fails the statement, and then often its rollback too (TransactionSystemException "JDBC rollback
     * failed", which replaces the statement's exception).
     */
    @SuppressWarnings("unchecked")
    static final Class<? extends Throwable>[] DATABASE_AWAY = new Class[] {CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransactionSystemException.class};

    /** True when {@code failure} or one of its causes is the database being away ({@link #DATABASE_AWAY}). */
    public static boolean isDatabaseAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> away : DATABASE_AWAY) {
                if (away.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition jms = routeConfiguration(TRANSACTED_JMS)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(false).logStackTrace(false));
        jms.onException(DATABASE_AWAY)
                .maximumRedeliveries(-1)
                .redeliveryDelay(1000)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logRetryAttempted(true);
        // apply-event: its transaction's error handler rolls the database back and passes the failure on to the
        // calling event route (whose doTry dead-letters the last attempt, whose error handling retries a database
        // that is away), with one WARN line per rollback and no stack trace: the event route logs it once.
        SpringTransactionErrorHandlerBuilder applyEvent = new SpringTransactionErrorHandlerBuilder();
        applyEvent.setTransactedPolicyRef("databaseTransaction");
        applyEvent.logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false).logHandled(false);
        routeConfiguration(APPLY_EVENT).errorHandler(applyEvent);

        // The relay: a failed batch (database or broker away) is rolled back and tried again at the next wake-up or
        // poll; the commands wait in the outbox meanwhile. One line per failed try, no stack trace.
        routeConfiguration(COMMAND_RELAY)
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "com.contactsynchub.command.CommandRelay",
                            "Commands not sent (${exception.message}); they wait in the outbox and are tried again")
                    .markRollbackOnly();
    }
}
