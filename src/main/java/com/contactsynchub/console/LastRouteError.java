package com.contactsynchub.console;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.FailureReason;

/**
 * The last exchange that failed in any route, for the overview. Camel registers every EventNotifier bean of the
 * Spring context with its management strategy.
 */
@Component
public class LastRouteError extends EventNotifierSupport {

    /** @param routeId the route the exchange started in */
    public record RouteError(String routeId, String exceptionClass, String message, OffsetDateTime at) {
    }

    private final Clock clock;
    private final AtomicReference<RouteError> last = new AtomicReference<>();

    public LastRouteError(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            Exchange exchange = failed.getExchange();
            Throwable cause = exchange.getException();
            if (cause == null) {
                return;
            }
            FailureReason reason = FailureReason.of(cause);
            last.set(new RouteError(exchange.getFromRouteId(), reason.exceptionClass(), reason.message(),
                    OffsetDateTime.now(clock)));
        }
    }

    public Optional<RouteError> last() {
        return Optional.ofNullable(last.get());
    }
}
