package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.amamo.platform.Outcome;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.amamo.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * On PostgreSQL: 64 threads transfer and retire among 100 accounts for a while (20 s by default; set
 * {@code -Damamo.registry.concurrency.seconds}). Every call must answer with a receipt or a refusal (never an
 * exception such as a deadlock), units are conserved, and the ledger's invariants and journal hold afterwards.
 */
@SpringBootTest
@Import(RegistryFixture.class)
class RegistryConcurrencyTest {

    static final int THREADS = 64;
    static final int ACCOUNTS = 100;
    static final long UNITS_EACH = 10_000;

    @Autowired
    RegistryFixture fixture;

    @Test
    void sixtyFourThreadsConserveUnitsAndNeverSeeADeadlock() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "concurrency is judged on PostgreSQL");
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            holders.add(fixture.holder());
        }
        for (int i = 0; i < ACCOUNTS; i += Issuer.MAX_HOLDERS) {
            fixture.issue(
                    2024,
                    UNITS_EACH * Issuer.MAX_HOLDERS,
                    holders.subList(i, i + Issuer.MAX_HOLDERS).toArray(Holder[]::new));
        }
        long before = holders.stream().mapToLong(fixture::balance).sum();
        assertThat(before).isEqualTo(UNITS_EACH * ACCOUNTS);

        long seconds = Long.getLong("amamo.registry.concurrency.seconds", 20);
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        AtomicLong retired = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    try {
                        Holder from = holders.get(random.nextInt(ACCOUNTS));
                        Outcome<Receipt> outcome;
                        if (random.nextInt(10) < 8) {
                            Holder to = holders.get(random.nextInt(ACCOUNTS));
                            outcome = fixture.registry.transfer(
                                    from.actor(),
                                    new Registry.Transfer(from.accountId(), to.accountId(), 1 + random.nextInt(300)),
                                    null);
                        } else {
                            long units = 1 + random.nextInt(5);
                            outcome = fixture.registry.retire(
                                    from.actor(),
                                    new Registry.Retirement(
                                            from.accountId(),
                                            units,
                                            new RetirementDisclosure(
                                                    "load", RetirementPurpose.OTHER, "test", null, null)),
                                    null);
                            if (!outcome.refused()) {
                                retired.addAndGet(units);
                            }
                        }
                        String key =
                                outcome.refused() ? outcome.refusals().get(0).messageKey() : "done";
                        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 60, TimeUnit.SECONDS)).isTrue();

        long done = counts.getOrDefault("done", new AtomicLong()).get();
        System.out.printf(
                "registry concurrency: %d threads, %d s, %d operations done (%.0f/s), outcomes %s%n",
                THREADS, seconds, done, done / (double) seconds, counts);
        assertThat(errors).as("exceptions reaching callers").isEmpty();
        assertThat(counts.keySet())
                .as("outcomes")
                .isSubsetOf("done", "registry.balance.insufficient", "registry.transfer.same-account");
        long after = holders.stream().mapToLong(fixture::balance).sum();
        assertThat(after + retired.get()).as("units conserved").isEqualTo(before);
        assertThat(done).isPositive();
        fixture.assertLedgerSound();
    }
}
