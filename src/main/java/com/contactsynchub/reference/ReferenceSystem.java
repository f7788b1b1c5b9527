package com.contactsynchub.reference;

import com.contactsynchub.contract.Channel;

/** The two outside systems the reference implementations stand in for, with the queues they talk over. */
public enum ReferenceSystem {
    CRM("crm", Channel.CRM_EVENTS, Channel.CRM_COMMANDS, "ref_crm_"),
    ERP("erp", Channel.ERP_EVENTS, Channel.ERP_COMMANDS, "ref_erp_");

    private final String source;
    private final Channel events;
    private final Channel commands;
    private final String tablePrefix;

    ReferenceSystem(String source, Channel events, Channel commands, String tablePrefix) {
        this.source = source;
        this.events = events;
        this.commands = commands;
        this.tablePrefix = tablePrefix;
    }

    /** The envelope's {@code source}. */
    public String source() {
        return source;
    }

    public Channel events() {
        return events;
    }

    public Channel commands() {
        return commands;
    }

    /** Prefix of this system's own tables; a constant, never input. */
    String tablePrefix() {
        return tablePrefix;
    }
}
