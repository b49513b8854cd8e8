package org.amamo.registry.internal;

import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Multi-row statements in chunks: one statement per {@code size} rows, so that however many rows an operation
 * writes or probes, no statement exceeds the databases' limits on parameters (PostgreSQL takes at most 32,767).
 */
final class StatementChunks {

    private StatementChunks() {}

    /** Hands {@code rows} to {@code statement} in order, at most {@code size} at a time (views, not copies). */
    static <T> void forEachChunk(List<T> rows, int size, Consumer<List<T>> statement) {
        for (int from = 0; from < rows.size(); from += size) {
            statement.accept(rows.subList(from, Math.min(rows.size(), from + size)));
        }
    }

    /** {@code count} copies of a row's placeholders, such as {@code (?, ?, ?)}, separated by commas. */
    static String placeholders(int count, String row) {
        return String.join(", ", Collections.nCopies(count, row));
    }
}
