package org.amamo.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.testing.TestUsers;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation upgraded to the guard keeps its certified claims as they are, conflicts included: the migration
 * brings them in, and the secretariat's report lists the conflicting pairs.
 */
@SpringBootTest
@Import(TestUsers.class)
class ClaimBackfillMigrationTest {

    private static final String SITE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[151.5,41],[151.51,41],[151.51,41.01],[151.5,41.01],[151.5,41]]]}";
    private static final String SHEET =
            "{\"type\":\"removal\",\"years\":[{\"start\":\"2024-04-01\",\"components\":[]}]}";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestUsers users;

    @Autowired
    ClaimRegister claims;

    @Autowired
    java.util.List<JavaMigration> migrations;

    @Test
    void certified_applications_from_before_the_guard_become_claims_and_their_conflicts_are_reported()
            throws Exception {
        AmamoPrincipal owner = users.create();
        long first = certifiedApplication(owner, "Upgraded meadow A");
        long second = certifiedApplication(owner, "Upgraded meadow B");

        try (Connection connection = dataSource.getConnection()) {
            backfill().migrate(context(connection));
        }

        assertThat(claims.conflictsOf(first))
                .extracting(ClaimConflict::otherApplicationId)
                .containsExactly(second);
        assertThat(claims.certifiedConflicts())
                .filteredOn(found -> found.applicationId() == first)
                .extracting(found -> found.conflict().otherApplicationId())
                .containsExactly(second);

        claims.determine(first, second, "Surveyed as one meadow; B's credits were cancelled.", owner.userId());

        assertThat(claims.certifiedConflicts()).noneMatch(found -> found.applicationId() == first);
    }

    private JavaMigration backfill() {
        return migrations.stream()
                .filter(migration -> migration.getVersion().getVersion().equals("12.1"))
                .findFirst()
                .orElseThrow();
    }

    private long certifiedApplication(AmamoPrincipal owner, String name) {
        Instant now = Instant.parse("2025-05-01T00:00:00Z");
        long project = jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES (?, ?, ?)")
                .params(name, owner.userId(), now.atOffset(ZoneOffset.UTC))
                .update();
        long projectId =
                jdbc.sql("SELECT MAX(id) FROM project").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO application (project_id, owner_id, status, name, methodology_version, site_geojson,
                                                 sheet_json, certified_units, created_at, updated_at,
                                                 submitted_at)
                        VALUES (?, ?, 'CERTIFIED', ?, 'jbe-2.3', ?, ?, 100, ?, ?, ?)""")
                .params(
                        projectId,
                        owner.userId(),
                        name,
                        SITE,
                        SHEET,
                        now.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                .update();
        assertThat(project).isEqualTo(1);
        return jdbc.sql("SELECT MAX(id) FROM application").query(Long.class).single();
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
