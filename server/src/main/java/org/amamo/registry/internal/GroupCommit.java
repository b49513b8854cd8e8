package org.amamo.registry.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for transfers and retirements. Requests wait in a queue; a writer thread takes those that are waiting
 * (up to {@value #MAX_GROUP}, see below) and applies them together in one transaction ({@link OperationGroup}), then
 * answers each caller. Under load the requests that arrive while one group commits form the next group, so the cost
 * of a transaction (its round trips to the database, its commit) is shared by many operations; when requests come
 * one at a time, each is a group of one and waits for nothing.
 *
 * <p>There are {@code amamo.registry.writers} writers (two by default), each with its own transaction. A writer takes
 * only requests that share no account with the group another writer is applying ({@link GroupQueue}), so the writers
 * work side by side instead of queueing on the same row locks, and requests that touch one account are applied in
 * the order they came.
 * Other writers of the ledger (issuance, cancellation, market settlement) keep their own transactions; everyone
 * locks account rows in ascending id order, so they never deadlock.
 *
 * <p>A request the group could not decide in memory (see {@link OperationGroup}) goes back to the head of the queue,
 * in its order, before its group's accounts are free again; the first request of a group is always decided.
 *
 * <p>A group that fails is applied again: after a lock timeout or serialisation failure (a few times, then its
 * callers are told the registry is busy), or after a key was meanwhile used outside the group (the retry replays it).
 * Any other failure splits the group, so that one bad request fails alone.
 */
@Component
class GroupCommit implements SmartLifecycle {

    /** The most operations one transaction applies. */
    static final int MAX_GROUP = 128;

    /** How long stopping waits for the group being applied. */
    private static final long STOP_WAIT_MILLIS = 30_000;
    /** How long the idle writer waits for a request before it looks whether it should stop. */
    private static final long IDLE_POLL_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final OperationGroup group;
    private final TransactionTemplate transactions;
    /** The scan limit lets a long backlog cost a writer no more than a few groups' worth of looking. */
    private final GroupQueue<Waiting> queue =
            new GroupQueue<>(waiting -> waiting.request().lockedAccounts().toList(), 4 * MAX_GROUP);

    private volatile boolean running;
    private final int writerCount;
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary groupSizes;
    private final Counter deferred;

    GroupCommit(
            OperationGroup group,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            @Value("${amamo.registry.writers:2}") int writerCount) {
        this.group = group;
        this.groupSizes = DistributionSummary.builder("amamo.registry.group.size")
                .description("Transfers and retirements applied in one transaction")
                .register(meters);
        this.deferred = Counter.builder("amamo.registry.group.deferred")
                .description("Requests a group left to a later group")
                .register(meters);
        if (writerCount < 1) {
            throw new IllegalArgumentException("amamo.registry.writers must be at least 1, not " + writerCount);
        }
        this.writerCount = writerCount;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A request and where its answer goes. */
    private record Waiting(OperationGroup.Request request, CompletableFuture<Outcome<Receipt>> answer) {}

    /**
     * Applies a request with those waiting beside it and returns its answer. The caller must not be in a
     * transaction: the operation commits on its own, before this returns.
     */
    Outcome<Receipt> apply(OperationGroup.Request request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("registry operations commit on their own; call them outside a transaction");
        }
        Waiting waiting = new Waiting(request, new CompletableFuture<>());
        queue.add(waiting);
        if (!running && queue.remove(waiting)) {
            throw new IllegalStateException("the registry is not running (starting or shutting down)");
        }
        try {
            return waiting.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void write() {
        while (running) {
            GroupQueue.Group<Waiting> taken;
            try {
                taken = queue.take(MAX_GROUP, IDLE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<Waiting> later = List.of();
            try {
                if (!taken.requests().isEmpty()) {
                    later = apply(taken.requests());
                }
            } finally {
                queue.done(taken, later);
            }
        }
    }

    /**
     * Applies a group and answers its callers; splits it after an unexpected failure. Returns the requests that
     * belong in a later group (none once the registry stops: those are applied one by one here).
     */
    private List<Waiting> apply(List<Waiting> waiting) {
        List<Outcome<Receipt>> outcomes;
        groupSizes.record(waiting.size());
        try {
            outcomes = applyWithRetries(waiting.stream().map(Waiting::request).toList());
        } catch (RuntimeException | Error e) {
            if (waiting.size() == 1) {
                waiting.get(0).answer().completeExceptionally(e);
                return List.of();
            }
            log.warn("a group of {} registry operations failed; applying them one by one", waiting.size(), e);
            waiting.forEach(one -> apply(List.of(one)));
            return List.of();
        }
        List<Waiting> later = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            if (outcomes.get(i) == null) {
                later.add(waiting.get(i));
            } else {
                waiting.get(i).answer().complete(outcomes.get(i));
            }
        }
        deferred.increment(later.size());
        if (!running) {
            later.forEach(one -> apply(List.of(one)));
            return List.of();
        }
        return later;
    }

    /** Applies a group in its transaction; a key used meanwhile outside the group is replayed by the next attempt. */
    private List<Outcome<Receipt>> applyWithRetries(List<OperationGroup.Request> requests) {
        return Retries.inTransaction(
                transactions,
                status -> group.apply(requests),
                duplicateKey -> null,
                () -> Collections.nCopies(
                        requests.size(), Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "registry.busy"))),
                "a group of registry operations");
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::write, "registry-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Stops taking requests; those still waiting are refused with an exception. */
    @Override
    public void stop() {
        running = false;
        try {
            for (Thread writer : writers) {
                writer.join(STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.drain()
                .forEach(one -> one.answer()
                        .completeExceptionally(
                                new IllegalStateException("the registry shut down before applying this operation")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has finished them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
