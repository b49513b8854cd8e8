package org.amamo.registry.internal;

import java.util.Optional;
import org.amamo.claim.CertifiedBatchNames;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.IssuedBatches;
import org.amamo.registry.SerialRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The batch of an issuance, found through the journal entry that carries the issuance's idempotency key. */
@Component
class IssuedBatchQuery implements IssuedBatches, CertifiedBatchNames {

    private final JdbcClient jdbc;

    IssuedBatchQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CreditBatch> issuedFor(String reference) {
        return jdbc.sql("""
                        SELECT b.id, b.programme_prefix, b.project_id, b.project_code, b.project_name, b.vintage,
                               b.batch_number
                          FROM registry_journal_entry e
                          JOIN registry_batch b ON b.entry_id = e.id
                         WHERE e.idempotency_key = ?""")
                .param(reference)
                .query((row, n) -> new CreditBatch(
                        row.getLong("id"),
                        new SerialRange(
                                        row.getString("programme_prefix"),
                                        row.getInt("vintage"),
                                        row.getString("project_code"),
                                        row.getInt("batch_number"),
                                        1,
                                        1)
                                .batchText(),
                        row.getLong("project_id"),
                        row.getString("project_code"),
                        row.getString("project_name"),
                        row.getInt("vintage")))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> batchOf(long applicationId) {
        return issuedFor(IssuedBatches.certificationReference(applicationId)).map(CreditBatch::batchSerial);
    }
}
