package com.contactsynchub.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.import.*}: the inbox folders (each has done/ and error/ beside its files), how long a claimed import
 * may go without a heartbeat before another hub takes it over, how often progress is logged, and how many rows
 * (at most, or read within how long) go through the intake in one database transaction, and what an empty CSV cell
 * does to its field ({@link EmptyCells}; a file may choose by a marker in its name).
 */
@ConfigurationProperties("hub.import")
public record ImportProperties(Path erpCustomers, Path erpVendors, Path erpBankAccounts, Path crmContacts,
        Duration claimTimeout, Duration heartbeatInterval, Duration progressLogInterval, Integer batchSize,
        Duration batchTime, EmptyCells emptyCells) {

    public ImportProperties {
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(60) : claimTimeout;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(2) : heartbeatInterval;
        progressLogInterval = progressLogInterval == null ? Duration.ofSeconds(10) : progressLogInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        batchTime = batchTime == null ? Duration.ofSeconds(1) : batchTime;
        emptyCells = emptyCells == null ? EmptyCells.CLEAR : emptyCells;
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.import.batch-size must be at least 1, not " + batchSize);
        }
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
