package com.contactsynchub.intake;

import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row locks that serialise the handling of messages about the same records, across the consumers of one hub and
 * across hub instances sharing the database. The lock is held until the calling transaction ends.
 */
@Component
public class RecordLocks {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;

    public RecordLocks(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Waits for and takes the lock named {@code key}, for the rest of the current transaction. */
    public void lock(String key) {
        if (takeLock(key)) {
            return;
        }
        // First use of this key: create its row, then lock it.
        ensureExists(key);
        if (!takeLock(key)) {
            throw new IllegalStateException("The lock row " + key + " was created but cannot be read back");
        }
    }

    private boolean takeLock(String key) {
        return !jdbc.queryForList("select lock_key from record_lock where lock_key = :key for update",
                Map.of("key", key)).isEmpty();
    }

    /**
     * Creates the lock's row in a transaction of its own: a failed insert would abort the caller's transaction on
     * PostgreSQL, and another instance may be creating the same row at the same moment.
     */
    private void ensureExists(String key) {
        try {
            separateTransaction.executeWithoutResult(
                    s -> jdbc.update("insert into record_lock (lock_key) values (:key)", Map.of("key", key)));
        } catch (DuplicateKeyException createdByAnother) {
            // fine: the row exists now
        }
    }
}
