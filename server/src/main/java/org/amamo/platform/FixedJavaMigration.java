package org.amamo.platform;

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
}
