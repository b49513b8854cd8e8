package org.amamo.registry.internal;

import java.sql.SQLException;
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
        replaceUnnamedCheck(
                context.getConnection(),
                "registry_account",
                "CANCELLATION",
                CONSTRAINT,
                "kind IN ('HOLDING', 'ISSUANCE', 'RETIREMENT', 'CANCELLATION', 'ESCROW')");
    }
}
