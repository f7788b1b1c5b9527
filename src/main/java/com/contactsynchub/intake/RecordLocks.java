package com.contactsynchub.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
        Object held = TransactionSynchronizationManager.getResource(this);
        if (held instanceof Set<?> keys && keys.contains(key)) {
            return; // taken by lockAll for this transaction: a row lock is held until the transaction ends
        }
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
     * Takes the existing locks among {@code keys} in one statement, in key order (two transactions that lock
     * several keys this way cannot deadlock on them), for the rest of the current transaction; {@link #lock} then
     * needs no statement for them. Keys without a row are left to {@link #lock}.
     */
    public void lockAll(Collection<String> keys) {
        if (keys.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<String> sorted = keys.stream().distinct().sorted().toList();
        Set<String> held = heldInThisTransaction();
        held.addAll(jdbc.queryForList("select lock_key from record_lock where lock_key in (:keys) order by lock_key "
                + "for update", Map.of("keys", sorted), String.class));
    }

    /** The keys lockAll took in the current transaction (bound to it, dropped when it ends). */
    @SuppressWarnings("unchecked")
    private Set<String> heldInThisTransaction() {
        Set<String> held = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            Set<String> created = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RecordLocks.this);
                }
            });
            held = created;
        }
        return held;
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
        missing.removeAll(new HashSet<>(jdbc.queryForList("select lock_key from record_lock where lock_key in (:keys)",
                Map.of("keys", keys), String.class)));
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
