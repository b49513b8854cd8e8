package org.amamo.exchange.internal;

import java.sql.SQLException;
import org.amamo.platform.FixedJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 30.1: an order may also be FILLED (executed in full in an auction), EXPIRING (a day order past its last
 * auction, its sell units on their way back to the seller) and EXPIRED. V29_1 declared the status CHECK without a
 * name, which plain SQL cannot drop on both H2 and PostgreSQL: it is replaced by a named one ({@link
 * #replaceUnnamedCheck}). Spring Boot hands Flyway every {@link JavaMigration} bean.
 */
@Component
class ExchangeOrderStatusMigration extends FixedJavaMigration {

    static final String CONSTRAINT = "exchange_order_status_ck";

    ExchangeOrderStatusMigration() {
        super("30.1", "exchange order status filled expired", 301_001);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        replaceUnnamedCheck(
                context.getConnection(),
                "exchange_order",
                "CANCELLING",
                CONSTRAINT,
                "status IN ('PENDING', 'ACTIVE', 'CHANGING', 'CANCELLING', 'CANCELLED', 'FILLED', 'EXPIRING', 'EXPIRED')");
    }
}
