package com.contactsynchub.importing;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.RecordType;

/** The inbox folders: which system's export each one takes, which records it holds and which queue they stand for. */
public enum ImportFolder {
    ERP_CUSTOMERS("erp/customers", RecordType.CUSTOMER, Channel.ERP_EVENTS, "erp"),
    ERP_VENDORS("erp/vendors", RecordType.VENDOR, Channel.ERP_EVENTS, "erp"),
    ERP_BANK_ACCOUNTS("erp/bank-accounts", RecordType.BANK_ACCOUNT, Channel.ERP_EVENTS, "erp"),
    CRM_CONTACTS("crm/contacts", RecordType.CONTACT, Channel.CRM_EVENTS, "crm");

    private final String path;
    private final RecordType recordType;
    private final Channel channel;
    private final String source;

    ImportFolder(String path, RecordType recordType, Channel channel, String source) {
        this.path = path;
        this.recordType = recordType;
        this.channel = channel;
        this.source = source;
    }

    /** The folder below the inbox, e.g. {@code erp/customers}; also its name in the API and reports. */
    public String path() {
        return path;
    }

    public RecordType recordType() {
        return recordType;
    }

    /** The event queue whose intake the rows go through. */
    public Channel channel() {
        return channel;
    }

    /** The envelope's {@code source}: {@code erp} or {@code crm}. */
    public String source() {
        return source;
    }
}
