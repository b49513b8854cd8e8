package org.amamo.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java (where one SQL script cannot serve both H2 and PostgreSQL, or where rows must
 * be computed): its version, description and fixed checksum, which Flyway compares on every start as it does a
 * script's, applied in Flyway's transaction. Spring Boot hands Flyway every {@link JavaMigration} bean.
 */
public abstract class FixedJavaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    protected FixedJavaMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return checksum;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    /**
     * Replaces a CHECK constraint declared without a name, which H2 and PostgreSQL name differently so that plain
     * SQL cannot drop it on both: finds it in the standard {@code information_schema} by a word of its clause, drops
     * it, and adds the named constraint {@code name CHECK (clause)}.
     */
    protected static void replaceUnnamedCheck(
            Connection connection, String table, String clauseWord, String name, String clause) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT tc.constraint_name, cc.check_clause
                  FROM information_schema.table_constraints tc
                  JOIN information_schema.check_constraints cc
                    ON cc.constraint_name = tc.constraint_name AND cc.constraint_schema = tc.constraint_schema
                 WHERE LOWER(tc.table_name) = ? AND tc.constraint_type = 'CHECK'
                """)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2).contains(clauseWord)) {
                        names.add(rows.getString(1));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String found : names) {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + found + "\"");
            }
            statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + clause + ")");
        }
    }
}
