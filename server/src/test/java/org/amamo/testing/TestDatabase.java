package org.amamo.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a database of its own, freshly migrated by Flyway.
 *
 * <p>The system property {@code amamo.test.database} chooses the engine: {@code h2} (an in-memory H2
 * database in PostgreSQL mode) or {@code postgresql} (a new database created on the server {@link TestPostgresql}
 * finds, and dropped when the test JVM exits). Maven's surefire runs the suite once with each (see server/pom.xml);
 * {@link TestEnvironment} skips the PostgreSQL pass when there is no server. Demo data is off in tests, unless a
 * test sets {@code amamo.test.demo-data=true}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENGINE_PROPERTY = "amamo.test.database";

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
    }

    /** Whether this test run uses PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty(ENGINE_PROPERTY));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        if (postgresql()) {
            String name = "amamo_test_" + RUN + "_" + CONTEXTS.incrementAndGet();
            TestPostgresql.Server server = server();
            createPostgresql(server, name);
            properties.put("spring.datasource.url", server.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name));
            properties.put("spring.datasource.username", server.user());
            properties.put("spring.datasource.password", server.password());
            // Spring keeps up to 32 test contexts alive; an idle one gives its connections back after 10 s, so
            // that the contexts of one run stay well inside the server's max_connections (100 by default).
            properties.put("spring.datasource.hikari.minimum-idle", "0");
            properties.put("spring.datasource.hikari.idle-timeout", "10000");
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:amamo-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        // Demo data is off unless a test asks for it with amamo.test.demo-data=true.
        properties.put(
                "amamo.demo-data.enabled",
                Boolean.toString("true".equals(context.getEnvironment().getProperty("amamo.test.demo-data"))));
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("amamo-test-database", properties));
    }

    private static TestPostgresql.Server server() {
        return TestPostgresql.server()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL for the PostgreSQL pass: "
                        + TestPostgresql.absence() + ". To provide one: " + TestPostgresql.HOW_TO_PROVIDE + "."));
    }

    private static void createPostgresql(TestPostgresql.Server server, String name) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create a test database on " + server.url() + ". To provide PostgreSQL: "
                            + TestPostgresql.HOW_TO_PROVIDE + ".",
                    e);
        }
    }

    /** Drops this JVM's databases; an embedded server goes away with its data when the JVM exits. */
    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        TestPostgresql.Server server = TestPostgresql.server().orElseThrow();
        if (server.embedded()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }
}
