package org.amamo.platform;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Column values that JDBC reads as primitives, read so that SQL NULL stays null. */
public final class SqlValues {

    private SqlValues() {}

    /** The column's value, or null where the row holds NULL (JDBC's {@code getLong} would answer 0). */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
