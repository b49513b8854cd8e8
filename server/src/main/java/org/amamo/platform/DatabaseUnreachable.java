package org.amamo.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a fault of the database connection (the server stopped, restarting, not answering, the pool timed out
 * waiting for a connection) from every other failure. A request that failed for such a cause was not decided: it
 * gets 503 with {@code Retry-After} ({@link DatabaseOutageFilter}), never a login page or a 500.
 */
public final class DatabaseUnreachable {

    /** SQLSTATE class 08 (connection exception) and PostgreSQL's shutdown and start-up states. */
    private static final String CONNECTION_CLASS = "08";

    private static final Set<String> SERVER_STOPPING =
            Set.of("57P01", "57P02", "57P03", "53300"); // admin shutdown, crash shutdown, cannot connect now, too many

    /** How deep a cause chain is followed, so that a cyclic chain cannot loop. */
    private static final int MAX_DEPTH = 20;

    private DatabaseUnreachable() {}

    /** Whether {@code failure}, or one of its causes, says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (isConnectionFault(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFault(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof CannotCreateTransactionException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith(CONNECTION_CLASS) || SERVER_STOPPING.contains(state);
        }
        return false;
    }
}
