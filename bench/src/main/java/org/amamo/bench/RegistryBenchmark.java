package org.amamo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives registry transfers (80 %) and retirements (20 %) through the REST API with many concurrent clients, each
 * request signed with the sending account owner's API token and carrying its own {@code Idempotency-Key}, as a
 * careful client sends them, and reports operations per second, latency and the answers by status. The clients first
 * run for {@code warm-up} seconds uncounted, so that the server's JIT compiler has done its work before the
 * measurement starts. Set up by {@code bench/registry-bench.sh}, which also runs pgbench for the ratio.
 *
 * <p>Usage: {@code RegistryBenchmark <base-url> <accounts-file> <clients> <seconds> [warm-up seconds, default 10]};
 * the accounts file has one {@code accountId token} pair per line.
 */
public final class RegistryBenchmark {

    private RegistryBenchmark() {}

    record Account(long id, String token) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<Account> accounts = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1])).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.strip().split("\\s+"))
                .map(parts -> new Account(Long.parseLong(parts[0]), parts[1]))
                .toList();
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp);
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    Account from = accounts.get(random.nextInt(accounts.size()));
                    Account to = accounts.get(random.nextInt(accounts.size()));
                    boolean transfer = random.nextInt(10) < 8 && from.id() != to.id();
                    String body = transfer
                            ? "{\"fromAccountId\":" + from.id() + ",\"toAccountId\":" + to.id() + ",\"creditUnits\":"
                                    + (1 + random.nextInt(100)) + "}"
                            : "{\"fromAccountId\":" + from.id() + ",\"creditUnits\":" + (1 + random.nextInt(3))
                                    + ",\"beneficiary\":\"bench\",\"purpose\":\"OTHER\",\"emissionsOffset\":\"bench\"}";
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(base + "/api/v1/registry/" + (transfer ? "transfers" : "retirements")))
                            .header("Authorization", "Bearer " + from.token())
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long answered = System.nanoTime();
                    if (sent >= start && answered <= deadline) {
                        latencies.add(answered - sent);
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(warmUp + seconds + 60L, TimeUnit.SECONDS);
        long done = statuses.getOrDefault(201, new AtomicLong()).get();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "registry: %d clients, %d s, %d operations applied, %.1f ops/s; answers %s%n",
                clients, seconds, done, done / (double) seconds, statuses);
        System.out.printf(
                "registry latency ms: p50 %.1f, p95 %.1f, p99 %.1f%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1_000_000.0;
    }
}
