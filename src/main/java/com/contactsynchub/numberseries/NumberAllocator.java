package com.contactsynchub.numberseries;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out numbers from number series, each number once only: across threads, hub instances sharing the
 * database, and crashes. Reading the last no. used with a row lock and writing the new one in the same
 * transaction makes every allocation wait for the one before it; a crash before the commit loses nothing
 * (the number was never handed out), a crash after it never repeats the number.
 */
@Service
public class NumberAllocator {

    /** A lock wait that times out (H2's default wait is short) is retried rather than failing the caller. */
    private static final int ATTEMPTS = 20;

    private final NumberSeriesRepository series;
    private final TransactionTemplate transaction;

    public NumberAllocator(NumberSeriesRepository series, PlatformTransactionManager transactionManager) {
        this.series = series;
        this.transaction = new TransactionTemplate(transactionManager);
        // Its own transaction: the number is taken for good even if the caller's work rolls back afterwards,
        // like BC's No. Series, and the series row is not kept locked for the length of the caller's work.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number of the series, already recorded as its last no. used.
     *
     * @throws NumberSeriesException when the series does not exist, is used up, or its last number cannot be
     *         increased
     */
    public String next(String seriesCode) {
        ConcurrencyFailureException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transaction.execute(status -> allocate(seriesCode));
            } catch (ConcurrencyFailureException e) {
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    private String allocate(String seriesCode) {
        NumberSeries current = series.findForUpdate(seriesCode)
                .orElseThrow(() -> new NumberSeriesException("The number series " + seriesCode + " does not exist."));
        String next = current.nextNo();
        series.updateLastNoUsed(seriesCode, next);
        return next;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a number series lock", e);
        }
    }
}
