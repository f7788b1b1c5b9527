package com.contactsynchub.console;

import org.apache.camel.ServiceStatus;

/** A route of the Camel context as the overview shows it: up when started. */
public record RouteState(String id, String from, String status, boolean up) {

    static RouteState of(String id, String from, ServiceStatus status) {
        return new RouteState(id, from, String.valueOf(status), status == ServiceStatus.Started);
    }
}
