package org.amamo.registry.internal;

import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger writers' one retry loop. Lock timeouts and serialisation failures (which the fixed lock order should make
 * rare) are retried a few times with a short pause, so that they never reach the user as an error; after
 * {@value #MAX_ATTEMPTS} attempts the caller's "busy" answer is given instead. A duplicate key means an idempotency key
 * was used meanwhile by another transaction: the caller may answer with that first use, or the attempt is made again
 * (and the exception thrown after the last).
 */
final class Retries {

    /** How often an operation is tried, before the user is told the registry is busy. */
    static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(Retries.class);

    private Retries() {}

    /**
     * Runs {@code attempt} in a transaction of its own until it returns.
     *
     * @param afterDuplicateKey the answer after a duplicate key, or null to try again
     * @param busy the answer once the attempts are used up by lock timeouts and serialisation failures
     * @param what what is tried, for the log
     */
    static <T> T inTransaction(
            TransactionTemplate transactions,
            TransactionCallback<T> attempt,
            Function<DuplicateKeyException, T> afterDuplicateKey,
            Supplier<T> busy,
            String what) {
        for (int count = 1; ; count++) {
            try {
                return transactions.execute(attempt);
            } catch (DuplicateKeyException e) {
                T earlier = afterDuplicateKey.apply(e);
                if (earlier != null) {
                    return earlier;
                }
                if (count >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (TransientDataAccessException | Again e) {
                if (count >= MAX_ATTEMPTS) {
                    log.warn("{} gave up after {} attempts", what, count, e);
                    return busy.get();
                }
                pause(count);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a registry operation", e);
        }
    }

    /** Thrown inside an attempt when units moved between its first look and its locks: the attempt is made again. */
    static final class Again extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Again() {
            super("units moved concurrently", null, false, false);
        }
    }
}
