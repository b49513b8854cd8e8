package org.amamo.registry.internal;

import static org.amamo.platform.SqlValues.nullableLong;
import static org.amamo.registry.internal.StatementChunks.forEachChunk;
import static org.amamo.registry.internal.StatementChunks.placeholders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal entries' movements: which serials of a credit batch each entry moved, from which account to which. */
@Repository
class MovementStore {

    private final JdbcClient jdbc;

    MovementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries' movements, in entry and movement order, {@value #MOVEMENTS_PER_INSERT} per statement. */
    void insertMovements(List<JournalEntry> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (JournalEntry entry : entries) {
            for (JournalEntry.Movement movement : entry.movements()) {
                rows.add(new Object[] {
                    entry.id(),
                    movement.batchId(),
                    movement.firstSerial(),
                    movement.lastSerial(),
                    movement.fromAccountId(),
                    movement.toAccountId()
                });
            }
        }
        forEachChunk(rows, MOVEMENTS_PER_INSERT, chunk -> {
            List<Object> params = new ArrayList<>(chunk.size() * 6);
            chunk.forEach(row -> params.addAll(Arrays.asList(row)));
            jdbc.sql("INSERT INTO registry_movement (entry_id, batch_id, first_serial, last_serial, from_account_id,"
                            + " to_account_id) VALUES "
                            + placeholders(chunk.size(), "(?, ?, ?, ?, ?, ?)"))
                    .params(params)
                    .update();
        });
    }

    /** Movements written per INSERT statement (PostgreSQL takes at most 32,767 parameters in one). */
    static final int MOVEMENTS_PER_INSERT = 1_000;

    List<JournalEntry.Movement> movements(long entryId) {
        return jdbc.sql("""
                SELECT entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id
                  FROM registry_movement WHERE entry_id = ? ORDER BY id
                """).param(entryId).query(MovementStore::movement).list();
    }

    /** The movements of entries {@code afterEntryId < entry <= lastEntryId}, by entry, in movement order. */
    Map<Long, List<JournalEntry.Movement>> movementsOfEntries(long afterEntryId, long lastEntryId) {
        Map<Long, List<JournalEntry.Movement>> moves = new HashMap<>();
        jdbc.sql("""
                SELECT entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id
                  FROM registry_movement WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id, id
                """)
                .params(afterEntryId, lastEntryId)
                .query((row, n) -> {
                    moves.computeIfAbsent(row.getLong("entry_id"), id -> new ArrayList<>())
                            .add(movement(row, n));
                    return null;
                })
                .list();
        return moves;
    }

    private static JournalEntry.Movement movement(ResultSet row, int rowNumber) throws SQLException {
        return new JournalEntry.Movement(
                row.getLong("batch_id"),
                row.getLong("first_serial"),
                row.getLong("last_serial"),
                nullableLong(row, "from_account_id"),
                row.getLong("to_account_id"));
    }
}
