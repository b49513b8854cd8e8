package org.amamo.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.amamo.platform.FixedJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 11: on PostgreSQL, an index on each account's active blocks in draw order ({@link DrawRank}), so that
 * reading an account's first blocks to draw on reads only those, however many blocks the account holds. It is a
 * partial index on an expression, which H2 does not have; on H2 (the demo database) the account index serves and
 * the database sorts the account's active blocks.
 */
@Component
class DrawOrderIndexMigration extends FixedJavaMigration {

    static final String INDEX = "registry_block_draw_ix";

    DrawOrderIndexMigration() {
        super("11", "registry block draw order index", 110_001);
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
