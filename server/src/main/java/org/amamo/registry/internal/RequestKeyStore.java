package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.utc;
import static org.amamo.platform.SqlValues.nullableLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys: what each already stands for (a journal entry, or a refusal kept under it so that a retry
 * gets it again).
 */
@Repository
class RequestKeyStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate statements;
    private final ObjectMapper json;

    RequestKeyStore(JdbcClient jdbc, JdbcTemplate statements, ObjectMapper json) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.json = json;
    }

    /** What a key already stands for: a journal entry (its id) or, if {@code entryId} is null, a refusal. */
    record KeyUse(Long entryId, String requestFingerprint) {}

    /** A refusal kept under its idempotency key, so that a retry gets it again. */
    record RecordedRefusal(RefusalKind kind, List<Refusal> refusals) {}

    /** The entry or refusal an idempotency key names, found in one query. */
    Optional<KeyUse> keyUse(String idempotencyKey) {
        return jdbc
                .sql("""
                SELECT id AS entry_id, request_fingerprint FROM registry_journal_entry WHERE idempotency_key = :key
                UNION ALL
                SELECT NULL, request_fingerprint FROM registry_refused_request WHERE idempotency_key = :key
                """)
                .param("key", idempotencyKey)
                .query((row, n) -> new KeyUse(nullableLong(row, "entry_id"), row.getString("request_fingerprint")))
                .list()
                .stream()
                .findFirst();
    }

    /** What each of the keys already stands for, found in one query; keys used for nothing are missing. */
    Map<String, KeyUse> keyUses(Collection<String> idempotencyKeys) {
        Map<String, KeyUse> uses = new HashMap<>();
        if (!idempotencyKeys.isEmpty()) {
            jdbc.sql("""
                    SELECT idempotency_key, id AS entry_id, request_fingerprint FROM registry_journal_entry
                     WHERE idempotency_key IN (:keys)
                    UNION ALL
                    SELECT idempotency_key, NULL, request_fingerprint FROM registry_refused_request
                     WHERE idempotency_key IN (:keys)
                    """)
                    .param("keys", idempotencyKeys)
                    .query((row, n) -> uses.putIfAbsent(
                            row.getString(1),
                            new KeyUse(nullableLong(row, "entry_id"), row.getString("request_fingerprint"))))
                    .list();
        }
        return uses;
    }

    /** A refusal to keep under its idempotency key. */
    record NewRefusal(String idempotencyKey, String fingerprint, RefusalKind kind, List<Refusal> refusals) {}

    /** Keeps refusals under their keys, in one statement batch. */
    void insertRefusals(List<NewRefusal> refusals, Instant now) {
        statements.batchUpdate(
                INSERT_REFUSAL,
                refusals.stream()
                        .map(refusal -> new Object[] {
                            refusal.idempotencyKey(),
                            refusal.fingerprint(),
                            refusal.kind().name(),
                            refusalsText(refusal.refusals()),
                            utc(now)
                        })
                        .toList());
    }

    private static final String INSERT_REFUSAL = """
            INSERT INTO registry_refused_request (idempotency_key, request_fingerprint, refusal_kind, refusals,
                                                  refused_at)
            VALUES (?, ?, ?, ?, ?)
            """;

    private String refusalsText(List<Refusal> refusals) {
        try {
            return json.writeValueAsString(refusals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a refusal could not be written as JSON", e);
        }
    }

    void insertRefusal(
            String idempotencyKey, String fingerprint, RefusalKind kind, List<Refusal> refusals, Instant now) {
        jdbc.sql(INSERT_REFUSAL)
                .params(idempotencyKey, fingerprint, kind.name(), refusalsText(refusals), utc(now))
                .update();
    }

    Optional<RecordedRefusal> refusal(String idempotencyKey) {
        return jdbc.sql("SELECT refusal_kind, refusals FROM registry_refused_request WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query((row, n) -> {
                    try {
                        return new RecordedRefusal(
                                RefusalKind.valueOf(row.getString(1)),
                                json.readValue(row.getString(2), new TypeReference<List<Refusal>>() {}));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a recorded refusal could not be read", e);
                    }
                })
                .optional();
    }
}
