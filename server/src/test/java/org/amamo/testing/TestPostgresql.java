package org.amamo.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * The PostgreSQL server of the suite's PostgreSQL pass, found once per test JVM, in this order:
 *
 * <ol>
 *   <li>the server named by {@code AMAMO_TEST_PG_URL} (with {@code AMAMO_TEST_PG_USER}, {@code
 *       AMAMO_TEST_PG_PASSWORD});
 *   <li>the server answering on 127.0.0.1:5432 (user {@code postgres}, trust);
 *   <li>an embedded PostgreSQL started for this JVM (zonky's binaries, Linux x86-64), which is not possible as root,
 *       because PostgreSQL's initdb refuses to run as root.
 * </ol>
 *
 * <p>{@code AMAMO_TEST_PG_PROBE} (host:port) replaces the address probed in step 2; it exists to try the fallback
 * without stopping the machine's server, e.g. {@code AMAMO_TEST_PG_PROBE=127.0.0.1:5999}.
 */
public final class TestPostgresql {

    /** How to provide PostgreSQL, said when there is none. */
    static final String HOW_TO_PROVIDE = "start PostgreSQL on 127.0.0.1:5432 (user postgres, trust), set"
            + " AMAMO_TEST_PG_URL, or run the tests as a non-root user for an embedded PostgreSQL";

    private static final String DEFAULT_PROBE = "127.0.0.1:5432";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    /** A server to create test databases on: a JDBC URL of one of its databases, and the user to connect as. */
    public record Server(String url, String user, String password, boolean embedded) {}

    private static Optional<Server> server;
    private static String absence;

    private TestPostgresql() {}

    /** The server, found (or started) on the first call; empty when there is none, see {@link #absence()}. */
    public static synchronized Optional<Server> server() {
        if (server == null) {
            server = find();
        }
        return server;
    }

    /** Why there is no server, in one sentence; null when there is one. */
    public static synchronized String absence() {
        server();
        return absence;
    }

    private static Optional<Server> find() {
        String url = env("AMAMO_TEST_PG_URL", "");
        String user = env("AMAMO_TEST_PG_USER", "postgres");
        String password = env("AMAMO_TEST_PG_PASSWORD", "");
        if (!url.isEmpty()) {
            return Optional.of(new Server(url, user, password, false));
        }
        String probe = env("AMAMO_TEST_PG_PROBE", DEFAULT_PROBE);
        if (answers(probe)) {
            return Optional.of(new Server("jdbc:postgresql://" + probe + "/postgres", user, password, false));
        }
        String nothing = "AMAMO_TEST_PG_URL is unset and nothing answers on " + probe;
        if ("root".equals(System.getProperty("user.name"))) {
            absence = nothing + "; an embedded PostgreSQL cannot start as root (initdb refuses root)";
            return Optional.empty();
        }
        try {
            return Optional.of(startEmbedded());
        } catch (IOException | RuntimeException e) {
            absence = nothing + "; the embedded PostgreSQL did not start (" + e.getMessage() + ")";
            return Optional.empty();
        }
    }

    private static Server startEmbedded() throws IOException {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(true)
                // initdb's report of its progress is 30 lines of noise in the test output; its errors still show.
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        System.out.println("PostgreSQL pass: started an embedded PostgreSQL on port " + embedded.getPort()
                + " (AMAMO_TEST_PG_URL is unset and nothing answers on " + env("AMAMO_TEST_PG_PROBE", DEFAULT_PROBE)
                + ").");
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", true);
    }

    private static boolean answers(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("AMAMO_TEST_PG_PROBE must be host:port, not " + hostAndPort);
        }
        String host = hostAndPort.substring(0, colon);
        int port = Integer.parseInt(hostAndPort.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
