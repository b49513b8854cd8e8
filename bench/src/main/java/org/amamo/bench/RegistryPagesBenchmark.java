package org.amamo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Latency of the registry's public reads on the data set of {@code bench/sql/registry-million.sql} (1,000 batches
 * of 1,000 blocks, 100,000 retirements): serial lookup (page and API, one serial and a range over five blocks), the
 * batch list, a project's batches, one batch, the retirement list at any depth (all records, and one project's), one
 * retirement. Each kind is asked {@code requests} times with random arguments by {@code clients} concurrent clients,
 * after an uncounted warm-up, and p50 / p95 / p99 are printed against the 50 ms target. Set up by
 * {@code bench/registry-million.sh}.
 *
 * <p>The retirement list pages by record id, as its "older" links do ({@code before=<the last id shown>}): each
 * request asks for the page below a random id anywhere in the 100,000 records, so deep pages are measured as often
 * as shallow ones. The loader gives project {@code p}'s 500 records the ids {@code 500p + 1 .. 500p + 500}; its list is
 * asked below a random one of them.
 *
 * <p>Usage: {@code RegistryPagesBenchmark <base-url> [requests per kind, default 500] [clients, default 4]
 * [warm-up rounds, default 2]}.
 */
public final class RegistryPagesBenchmark {

    /** Batches, blocks per batch and units per block of the data set. */
    private static final int BATCHES = 1_000;

    private static final int RETIREMENTS = 100_000;
    private static final int PROJECTS = 200;
    private static final int RETIREMENTS_PER_PROJECT = RETIREMENTS / PROJECTS;
    private static final int PAGE = 20;
    private static final double TARGET_MS = 50;

    private RegistryPagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int warmUpRounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Map<String, Function<ThreadLocalRandom, String>> kinds = new LinkedHashMap<>();
        kinds.put("serial lookup page", r -> "/registry/serials?q=" + serial(r, 0));
        kinds.put("serial lookup API", r -> "/api/v1/registry/serials/" + serial(r, 0));
        kinds.put("serial range API (5 blocks)", r -> "/api/v1/registry/serials/" + serial(r, 4_999));
        kinds.put("batch list page", r -> "/registry?page=" + r.nextInt(BATCHES / PAGE));
        kinds.put("batch list API", r -> "/api/v1/registry/batches?page=" + r.nextInt(BATCHES / PAGE));
        kinds.put("project page", r -> "/registry?projectCode=" + projectCode(1 + r.nextInt(BATCHES)));
        kinds.put("batch page", r -> "/registry/batches/" + (1 + r.nextInt(BATCHES)));
        kinds.put("retirement list page", r -> "/registry/retirements?before=" + before(r, 0, RETIREMENTS));
        kinds.put("retirement list API", r -> "/api/v1/registry/retirements?before=" + before(r, 0, RETIREMENTS));
        kinds.put("retirement list, one project", r -> {
            int project = r.nextInt(PROJECTS);
            return "/registry/retirements?projectCode=" + projectCode(5 * project + 1) + "&before="
                    + before(r, project * RETIREMENTS_PER_PROJECT, RETIREMENTS_PER_PROJECT);
        });
        kinds.put("retirement page", r -> "/registry/retirements/" + (1 + r.nextInt(RETIREMENTS)));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        System.out.printf(
                Locale.ROOT,
                "%-30s %8s %8s %8s %8s  %s%n",
                "registry read (" + clients + " clients)",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "errors",
                "p99 < 50 ms");
        // Warm-up: every kind asked as often as it is measured, uncounted, warmUpRounds times over, so that the
        // server's JIT compilers have compiled the paths before any is measured (they keep working for minutes).
        for (int round = 0; round < warmUpRounds; round++) {
            for (Function<ThreadLocalRandom, String> kind : kinds.values()) {
                run(http, base, kind, requests, clients, new ArrayList<>(), new AtomicLong());
            }
        }
        for (Map.Entry<String, Function<ThreadLocalRandom, String>> kind : kinds.entrySet()) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            run(http, base, kind.getValue(), requests, clients, latencies, errors);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p99 = percentile(sorted, 99);
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %8.1f %8.1f %8.1f %8d  %s%n",
                    kind.getKey(),
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    p99,
                    errors.get(),
                    p99 < TARGET_MS ? "yes" : "NO");
        }
    }

    private static void run(
            HttpClient http,
            String base,
            Function<ThreadLocalRandom, String> path,
            int requests,
            int clients,
            List<Long> latencies,
            AtomicLong errors)
            throws InterruptedException {
        AtomicLong left = new AtomicLong(requests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(base + path.apply(ThreadLocalRandom.current())))
                            .GET()
                            .build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - sent);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    /** A random serial (or a range of {@code length + 1} serials from it) of a random batch of the data set. */
    private static String serial(ThreadLocalRandom random, int length) {
        int batch = 1 + random.nextInt(BATCHES);
        int first = 1 + random.nextInt(999_999 - length);
        String text =
                String.format(Locale.ROOT, "JBC-%04d-%s-01-%06d", 2020 + (batch - 1) % 5, projectCode(batch), first);
        return length == 0 ? text : text + String.format(Locale.ROOT, "-%06d", first + length);
    }

    /**
     * A random {@code before} id among the records {@code first + 1 .. first + count} that leaves a full page below it:
     * from {@code first + PAGE + 1} (the oldest full page) to {@code first + count + 1} (the newest).
     */
    private static long before(ThreadLocalRandom random, int first, int count) {
        return first + PAGE + 1 + random.nextInt(count - PAGE + 1);
    }

    private static String projectCode(int batch) {
        return String.format(Locale.ROOT, "B%03d", (batch - 1) / 5);
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1_000_000.0;
    }
}
