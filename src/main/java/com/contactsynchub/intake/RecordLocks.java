package com.contactsynchub.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    /**
     * Creates the lock rows of {@code keys} that do not exist yet, in one transaction of its own (a batch of
     * imported rows about new records would otherwise commit once per record). Taking the locks is still
     * {@link #lock}'s job; a key created by another instance at the same moment is created one by one instead.
     */
    public void ensureAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>(keys);
        missing.removeAll(jdbc.queryForList("select lock_key from record_lock where lock_key in (:keys)",
                Map.of("keys", keys), String.class));
        if (missing.isEmpty()) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(s -> jdbc.batchUpdate(
                    "insert into record_lock (lock_key) values (:key)", missing.stream()
                            .map(key -> new MapSqlParameterSource("key", key)).toArray(SqlParameterSource[]::new)));
        } catch (DuplicateKeyException createdByAnother) {
            missing.forEach(this::ensureExists);
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
