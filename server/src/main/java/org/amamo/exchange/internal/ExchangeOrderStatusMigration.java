package org.amamo.exchange.internal;

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
 * Migration 30.1: an order may also be FILLED (executed in full in an auction), EXPIRING (a day order past its last
 * auction, its sell units on their way back to the seller) and EXPIRED. V29_1 declared the status CHECK without a
 * name, and H2 and PostgreSQL name such constraints differently, so plain SQL cannot drop it on both: this migration
 * finds it in the standard {@code information_schema} by its clause, drops it, and adds a named constraint. Spring
 * Boot hands Flyway every {@link JavaMigration} bean.
 */
@Component
class ExchangeOrderStatusMigration extends FixedJavaMigration {

    static final String CONSTRAINT = "exchange_order_status_ck";

    ExchangeOrderStatusMigration() {
        super("30.1", "exchange order status filled expired", 301_001);
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
                 WHERE LOWER(tc.table_name) = 'exchange_order' AND tc.constraint_type = 'CHECK'
                """);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(2).contains("CANCELLING")) {
                    names.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER TABLE exchange_order DROP CONSTRAINT \"" + name + "\"");
            }
            statement.execute("ALTER TABLE exchange_order ADD CONSTRAINT " + CONSTRAINT + " CHECK (status IN "
                    + "('PENDING', 'ACTIVE', 'CHANGING', 'CANCELLING', 'CANCELLED', 'FILLED', 'EXPIRING', 'EXPIRED'))");
        }
    }
}
