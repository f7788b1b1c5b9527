package com.contactsynchub.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.import.*}: the inbox folders (each has done/ and error/ beside its files), how long a claimed import
 * may go without a heartbeat before another hub takes it over, and how often progress is logged.
 */
@ConfigurationProperties("hub.import")
public record ImportProperties(Path erpCustomers, Path erpVendors, Path erpBankAccounts, Path crmContacts,
        Duration claimTimeout, Duration heartbeatInterval, Duration progressLogInterval) {

    public ImportProperties {
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(60) : claimTimeout;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(2) : heartbeatInterval;
        progressLogInterval = progressLogInterval == null ? Duration.ofSeconds(10) : progressLogInterval;
        if (!heartbeatInterval.multipliedBy(2).minus(claimTimeout).isNegative()) {
            throw new IllegalArgumentException("hub.import.heartbeat-interval (" + heartbeatInterval
                    + ") must be less than half of hub.import.claim-timeout (" + claimTimeout + ")");
        }
    }

    public Path folder(ImportFolder folder) {
        return switch (folder) {
            case ERP_CUSTOMERS -> erpCustomers;
            case ERP_VENDORS -> erpVendors;
            case ERP_BANK_ACCOUNTS -> erpBankAccounts;
            case CRM_CONTACTS -> crmContacts;
        };
    }
}
