package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.amamo.registry.CreditType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The credit batches (one issuance of a project's vintage each), with a cache: a batch never changes once issued.
 */
@Repository
public class BatchStore {

    /** How many batch rows {@link #knownBatches} keeps in memory (a few hundred bytes each). */
    static final int MAX_KNOWN_BATCHES = 100_000;

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<Long, BatchRow> knownBatches = new ConcurrentHashMap<>();

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A credit batch as stored. */
    public record BatchRow(
            long id,
            String programmePrefix,
            long projectId,
            String projectCode,
            String projectName,
            int vintage,
            int batchNumber,
            String methodologyVersion,
            CreditType creditType,
            String certifier,
            long issuedUnits,
            Instant issuedAt,
            long entryId) {}

    private static final String BATCH = """
            SELECT id, programme_prefix, project_id, project_code, project_name, vintage, batch_number,
                   methodology_version, credit_type, certifier, issued_units, issued_at, entry_id FROM registry_batch
            """;

    Optional<BatchRow> batch(long id) {
        return batches(List.of(id)).stream().findFirst();
    }

    /**
     * Batches by id, in id order. A batch never changes once issued, so rows once read are kept in memory
     * ({@link #knownBatches}): receipts and public pages name the same few batches again and again.
     */
    public List<BatchRow> batches(Collection<Long> ids) {
        TreeMap<Long, BatchRow> found = new TreeMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            BatchRow known = knownBatches.get(id);
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            jdbc.sql(BATCH + " WHERE id IN (:ids)")
                    .param("ids", missing)
                    .query(BatchStore::mapBatch)
                    .list()
                    .forEach(batch -> {
                        found.put(batch.id(), batch);
                        if (knownBatches.size() < MAX_KNOWN_BATCHES) {
                            knownBatches.put(batch.id(), batch);
                        }
                    });
        }
        return List.copyOf(found.values());
    }

    public Optional<BatchRow> batch(String prefix, String projectCode, int vintage, int batchNumber) {
        return jdbc.sql(BATCH + " WHERE programme_prefix = ? AND project_code = ? AND vintage = ? AND batch_number = ?")
                .params(prefix, projectCode, vintage, batchNumber)
                .query(BatchStore::mapBatch)
                .optional();
    }

    /** A project's batches of one vintage (in any programme), lowest batch number first. */
    List<BatchRow> batchesOf(String projectCode, int vintage) {
        return jdbc.sql(BATCH + " WHERE project_code = ? AND vintage = ? ORDER BY batch_number, programme_prefix")
                .params(projectCode, vintage)
                .query(BatchStore::mapBatch)
                .list();
    }

    int nextBatchNumber(String prefix, String projectCode, int vintage) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(batch_number), 0) + 1 FROM registry_batch
                 WHERE programme_prefix = ? AND project_code = ? AND vintage = ?
                """)
                .params(prefix, projectCode, vintage)
                .query(Integer.class)
                .single();
    }

    long insertBatch(BatchRow batch) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_batch (programme_prefix, project_id, project_code, project_name, vintage,
                       batch_number, methodology_version, credit_type, certifier, issued_units, issued_at, entry_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        batch.programmePrefix(),
                        batch.projectId(),
                        batch.projectCode(),
                        batch.projectName(),
                        batch.vintage(),
                        batch.batchNumber(),
                        batch.methodologyVersion(),
                        batch.creditType().name(),
                        batch.certifier(),
                        batch.issuedUnits(),
                        utc(batch.issuedAt()),
                        batch.entryId())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private static BatchRow mapBatch(ResultSet row, int rowNumber) throws SQLException {
        return new BatchRow(
                row.getLong("id"),
                row.getString("programme_prefix"),
                row.getLong("project_id"),
                row.getString("project_code"),
                row.getString("project_name"),
                row.getInt("vintage"),
                row.getInt("batch_number"),
                row.getString("methodology_version"),
                CreditType.valueOf(row.getString("credit_type")),
                row.getString("certifier"),
                row.getLong("issued_units"),
                instant(row, "issued_at"),
                row.getLong("entry_id"));
    }
}
