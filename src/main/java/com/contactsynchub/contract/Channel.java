package com.contactsynchub.contract;

/** The four queues the systems and the hub talk over, named by role (the queue names are configuration). */
public enum Channel {
    CRM_EVENTS, CRM_COMMANDS, ERP_EVENTS, ERP_COMMANDS;

    public String queueName(QueueNames queues) {
        return switch (this) {
            case CRM_EVENTS -> queues.crmEvents();
            case CRM_COMMANDS -> queues.crmCommands();
            case ERP_EVENTS -> queues.erpEvents();
            case ERP_COMMANDS -> queues.erpCommands();
        };
    }
}
