package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;
import static org.amamo.platform.SqlValues.nullableLong;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal's entries, each with its movements ({@link MovementStore}), and the sequence of their ids. */
@Repository
class JournalStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate statements;
    private final MovementStore movements;

    JournalStore(JdbcClient jdbc, JdbcTemplate statements, MovementStore movements) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.movements = movements;
    }

    long nextEntryId() {
        return jdbc.sql("SELECT nextval('registry_journal_entry_seq')")
                .query(Long.class)
                .single();
    }

    /** {@code count} new entry ids, ascending, drawn in one query. */
    List<Long> nextEntryIds(int count) {
        if (count == 0) {
            return List.of();
        }
        List<Long> ids =
                new ArrayList<>(jdbc.sql("SELECT nextval('registry_journal_entry_seq') FROM generate_series(1, ?)")
                        .param(count)
                        .query(Long.class)
                        .list());
        ids.sort(null);
        return ids;
    }

    /** Inserts entries and all their movements: one statement batch for the entries, one for the movements. */
    void insertEntries(List<JournalEntry> entries) {
        statements.batchUpdate(
                INSERT_ENTRY, entries.stream().map(JournalStore::entryParams).toList());
        movements.insertMovements(entries);
    }

    private static final String INSERT_ENTRY = """
            INSERT INTO registry_journal_entry (id, operation, actor_user_id, idempotency_key, request_fingerprint,
                   credit_units, payload, recorded_at, chain_links, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static Object[] entryParams(JournalEntry entry) {
        return new Object[] {
            entry.id(),
            entry.operation().name(),
            entry.actorUserId(),
            entry.idempotencyKey(),
            entry.requestFingerprint(),
            entry.creditUnits(),
            entry.payload(),
            utc(entry.recordedAt()),
            entry.linksText(),
            entry.hash()
        };
    }

    void insertEntry(JournalEntry entry) {
        jdbc.sql(INSERT_ENTRY).params(entryParams(entry)).update();
        movements.insertMovements(List.of(entry));
    }

    private static final String ENTRY = """
            SELECT id, operation, actor_user_id, idempotency_key, request_fingerprint, credit_units, payload,
                   recorded_at, chain_links, hash FROM registry_journal_entry
            """;

    Optional<JournalEntry> entry(long id) {
        return jdbc.sql(ENTRY + " WHERE id = ?")
                .param(id)
                .query(JournalStore::entryHead)
                .optional()
                .map(this::withMovements);
    }

    /** Entries with ids above {@code afterId}, in id order, with their movements. */
    List<JournalEntry> entriesAfter(long afterId, int limit) {
        List<JournalEntry> heads = jdbc.sql(ENTRY + " WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(JournalStore::entryHead)
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, List<JournalEntry.Movement>> moves = movements.movementsOfEntries(
                afterId, heads.get(heads.size() - 1).id());
        return heads.stream()
                .map(entry -> withMovements(entry, moves.getOrDefault(entry.id(), List.of())))
                .toList();
    }

    private static JournalEntry entryHead(ResultSet row, int rowNumber) throws SQLException {
        return new JournalEntry(
                row.getLong("id"),
                Operation.valueOf(row.getString("operation")),
                nullableLong(row, "actor_user_id"),
                row.getString("idempotency_key"),
                row.getString("request_fingerprint"),
                row.getLong("credit_units"),
                row.getString("payload"),
                instant(row, "recorded_at"),
                JournalEntry.parseLinks(row.getString("chain_links")),
                List.of(),
                row.getString("hash"));
    }

    private JournalEntry withMovements(JournalEntry entry) {
        return withMovements(entry, movements.movements(entry.id()));
    }

    private static JournalEntry withMovements(JournalEntry entry, List<JournalEntry.Movement> movements) {
        return new JournalEntry(
                entry.id(),
                entry.operation(),
                entry.actorUserId(),
                entry.idempotencyKey(),
                entry.requestFingerprint(),
                entry.creditUnits(),
                entry.payload(),
                entry.recordedAt(),
                entry.links(),
                movements,
                entry.hash());
    }
}
