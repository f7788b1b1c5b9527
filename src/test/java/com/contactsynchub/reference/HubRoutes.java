package com.contactsynchub.reference;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * Takes the hub's route off an event queue for a test that reads the queue itself, and gives it back afterwards.
 * The supervising route controller starts routes in the background, so the route is first awaited: stopping it
 * before it has started would be undone when the controller starts it a moment later.
 */
public final class HubRoutes {

    private HubRoutes() {
    }

    public static void stop(CamelContext camel, String routeId) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> camel.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started);
        camel.getRouteController().stopRoute(routeId);
    }

    public static void start(CamelContext camel, String routeId) throws Exception {
        camel.getRouteController().startRoute(routeId);
    }
}
