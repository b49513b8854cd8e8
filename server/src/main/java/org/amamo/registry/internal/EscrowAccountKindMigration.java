package org.amamo.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.FixedJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 8.1: registry accounts may be of kind {@code ESCROW} (a market round's escrow account). V7 declared
 * the kind's CHECK constraint without a name, and H2 and PostgreSQL name such constraints differently, so plain
 * SQL cannot drop it on both: this migration finds it in the standard {@code information_schema} by its clause,
 * drops it, and adds a named constraint that also allows {@code ESCROW}. Spring Boot hands Flyway every
 * {@link JavaMigration} bean.
 */
@Component
class EscrowAccountKindMigration extends FixedJavaMigration {

    static final String CONSTRAINT = "registry_account_kind_ck";

    EscrowAccountKindMigration() {
        super("8.1", "registry escrow account kind", 81_001);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT tc.constraint_name, cc.check_clause
                  FROM information_schema.table_constraints tc
                  JOIN information_schema.check_constraints cc
                    ON cc.constraint_name = tc.constraint_name AND cc.constraint_schema = tc.constraint_schema
                 WHERE LOWER(tc.table_name) = 'registry_account' AND tc.constraint_type = 'CHECK'
                """);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(2).contains("CANCELLATION")) {
                    names.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER TABLE registry_account DROP CONSTRAINT \"" + name + "\"");
            }
            statement.execute("ALTER TABLE registry_account ADD CONSTRAINT " + CONSTRAINT + " CHECK (kind IN "
                    + "('HOLDING', 'ISSUANCE', 'RETIREMENT', 'CANCELLATION', 'ESCROW'))");
        }
    }
}
