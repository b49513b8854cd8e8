package org.amamo.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 11: on PostgreSQL, an index on each account's active blocks in draw order ({@link DrawRank}), so that
 * reading an account's first blocks to draw on reads only those, however many blocks the account holds. It is a
 * partial index on an expression, which H2 does not have; on H2 (the demo database) the account index serves and
 * the database sorts the account's active blocks.
 */
@Component
class DrawOrderIndexMigration implements JavaMigration {

    static final String INDEX = "registry_block_draw_ix";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "registry block draw order index";
    }

    @Override
    public Integer getChecksum() {
        return 110_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX " + INDEX + " ON registry_block (account_id, (last_serial - first_serial) "
                    + "DESC, batch_id, first_serial) WHERE status = 'ACTIVE'");
        }
    }
}
