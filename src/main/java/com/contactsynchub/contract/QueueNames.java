package com.contactsynchub.contract;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The hub's queues; the defaults are the names of docs/messages.md. */
@ConfigurationProperties("hub.queues")
public record QueueNames(
        @DefaultValue("crm.events") String crmEvents,
        @DefaultValue("crm.commands") String crmCommands,
        @DefaultValue("erp.events") String erpEvents,
        @DefaultValue("erp.commands") String erpCommands,
        @DefaultValue("hub.invalid") String invalid,
        @DefaultValue("hub.dead-letter") String deadLetter) {
}
