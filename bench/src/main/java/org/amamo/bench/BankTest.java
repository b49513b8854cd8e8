package org.amamo.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client of the bank test ({@code bench/bank-test.sh}), in the manner of Jepsen's: {@code clients} threads transfer
 * (80 %) and retire (20 %) credits between the holding accounts through the REST API of several server instances for
 * {@code seconds}, while the script kills the instances and crash-stops PostgreSQL. Each operation carries its own
 * Idempotency-Key and is sent again, to the next instance, with the same key and body until it has a definite answer:
 *
 * <ul>
 *   <li>applied: 201 (or 200, the replay of an earlier application);
 *   <li>refused: any other 4xx except 409 "registry busy" (the ledger decided and will answer the same again);
 *   <li>not decided, so sent again: no answer (connection refused or reset, time-out), 5xx (503 while the database is
 *       down), 409 "registry busy".
 * </ul>
 *
 * <p>After the run, each thread finishes its operation in hand (for at most {@code grace} seconds more); one still
 * undecided then is recorded as unknown: it may or may not have been applied. Writes one line per operation to
 * {@code ops.tsv} ({@code key, kind, from, to, units, outcome, attempts}) for the script's checks, and prints the counts
 * of operations and of the answers by status.
 *
 * <p>Usage: {@code BankTest <accounts file: "accountId token" lines> <base URLs, comma-separated> <clients> <seconds>
 * <grace seconds> <output dir> <run id>}.
 */
public final class BankTest {

    private static final String BUSY = "The registry is busy";
    /** The longest pause between two attempts of one operation, whatever Retry-After asks. */
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private record Account(long id, String token) {}

    private record Operation(String key, char kind, Account from, long toAccountId, long units) {}

    private enum Outcome {
        APPLIED,
        REFUSED,
        UNKNOWN
    }

    private final List<Account> accounts;
    private final List<URI> servers;
    private final String run;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private BankTest(List<Account> accounts, List<URI> servers, String run) {
        this.accounts = accounts;
        this.servers = servers;
        this.run = run;
    }

    public static void main(String[] args) throws Exception {
        List<Account> accounts = Files.readAllLines(Path.of(args[0])).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .map(parts -> new Account(Long.parseLong(parts[0]), parts[1]))
                .toList();
        List<URI> servers = Arrays.stream(args[1].split(",")).map(URI::create).toList();
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        long grace = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        BankTest test = new BankTest(accounts, servers, args[6]);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long giveUp = end + Duration.ofSeconds(grace).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int number = client;
            Thread thread = new Thread(() -> test.client(number, end, giveUp), "bank-client-" + client);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        test.write(out);
    }

    private void client(int number, long end, long giveUp) {
        int server = number % servers.size();
        for (long sequence = 1; System.nanoTime() < end; sequence++) {
            Operation operation = next(number, sequence);
            int attempts = 0;
            Outcome outcome = null;
            while (outcome == null && System.nanoTime() < giveUp) {
                attempts++;
                Answer answer = send(operation, servers.get(server));
                outcome = answer.outcome();
                if (outcome == null) {
                    server = (server + 1) % servers.size();
                    pause(answer.pauseMillis());
                }
            }
            outcome = outcome == null ? Outcome.UNKNOWN : outcome;
            lines.add(String.join(
                    "\t",
                    operation.key(),
                    String.valueOf(operation.kind()),
                    Long.toString(operation.from().id()),
                    Long.toString(operation.toAccountId()),
                    Long.toString(operation.units()),
                    outcome.name(),
                    Integer.toString(attempts)));
        }
    }

    private Operation next(int client, long sequence) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String key = "bank-" + run + "-" + client + "-" + sequence;
        Account from = accounts.get(random.nextInt(accounts.size()));
        Account to = accounts.get(random.nextInt(accounts.size()));
        if (random.nextInt(10) < 8 && from.id() != to.id()) {
            return new Operation(key, 'T', from, to.id(), 1 + random.nextInt(100));
        }
        return new Operation(key, 'R', from, 0, 1 + random.nextInt(3));
    }

    /** An attempt's answer: the outcome if it is definite (null if not), and how long to wait before the next. */
    private record Answer(Outcome outcome, long pauseMillis) {}

    private Answer send(Operation operation, URI server) {
        String path =
                operation.kind() == 'T' ? "/api/v1/registry/transfers?lang=en" : "/api/v1/registry/retirements?lang=en";
        String body = operation.kind() == 'T'
                ? "{\"fromAccountId\":%d,\"toAccountId\":%d,\"creditUnits\":%d}"
                        .formatted(operation.from().id(), operation.toAccountId(), operation.units())
                : ("{\"fromAccountId\":%d,\"creditUnits\":%d,\"beneficiary\":\"bank test\",\"purpose\":\"OTHER\","
                                + "\"emissionsOffset\":\"bank test\"}")
                        .formatted(operation.from().id(), operation.units());
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + operation.from().token())
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header("Idempotency-Key", operation.key())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            count("no answer (" + e.getClass().getSimpleName() + ")");
            return new Answer(null, 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        count(Integer.toString(status));
        if (status == 200 || status == 201) {
            return new Answer(Outcome.APPLIED, 0);
        }
        if (status >= 500 || (status == 409 && response.body().contains(BUSY))) {
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(0);
            return new Answer(null, Math.min(MAX_PAUSE_MILLIS, Math.max(100, retryAfter * 1000)));
        }
        if (status >= 400 && status < 500) {
            return new Answer(Outcome.REFUSED, 0);
        }
        count("unexpected " + status);
        return new Answer(null, 100);
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, any -> new AtomicLong()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void write(Path out) throws IOException {
        Files.createDirectories(out);
        Map<String, Long> outcomes = new TreeMap<>();
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(out.resolve("ops.tsv")))) {
            for (String line : lines) {
                file.println(line);
                String[] parts = line.split("\t");
                outcomes.merge(parts[1] + " " + parts[5], 1L, Long::sum);
            }
        }
        System.out.println("operations: " + lines.size() + " " + outcomes);
        Map<String, Long> byStatus = new TreeMap<>();
        answers.forEach((answer, count) -> byStatus.put(answer, count.get()));
        System.out.println("answers: " + byStatus);
    }
}
