package com.contactsynchub.crash;

/** The two systems the simulator plays, with the queues they talk to the hub over (docs/messages.md). */
enum Side {
    CRM("crm", "crm.events", "crm.commands"),
    ERP("erp", "erp.events", "erp.commands");

    private final String source;
    private final String eventQueue;
    private final String commandQueue;

    Side(String source, String eventQueue, String commandQueue) {
        this.source = source;
        this.eventQueue = eventQueue;
        this.commandQueue = commandQueue;
    }

    /** The envelope's {@code source}. */
    String source() {
        return source;
    }

    String eventQueue() {
        return eventQueue;
    }

    String commandQueue() {
        return commandQueue;
    }
}
