package org.amamo.registry.internal;

import java.util.List;
import java.util.Optional;
import org.amamo.application.CertifiedProjects;
import org.amamo.application.ProjectFacts;
import org.amamo.registry.BatchCategory;
import org.amamo.registry.IssuedBatches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch's trading category: programme and credit type from the batch, ecosystems from the certified application
 * its issuance names (by the issuance's idempotency key, as retirement records find their origins).
 */
@Component
class BatchCategories {

    private final JdbcClient jdbc;
    private final BatchStore batches;
    private final CertifiedProjects projects;

    BatchCategories(JdbcClient jdbc, BatchStore batches, CertifiedProjects projects) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.projects = projects;
    }

    Optional<BatchCategory> of(long batchId) {
        return batches.batch(batchId).map(batch -> {
            Optional<Long> application = jdbc.sql("SELECT idempotency_key FROM registry_journal_entry WHERE id = ?")
                    .param(batch.entryId())
                    .query(String.class)
                    .optional()
                    .flatMap(IssuedBatches::certifiedApplication);
            List<String> ecosystems = application
                    .map(id -> projects.facts(List.of(id)).get(id))
                    .map(ProjectFacts::ecosystems)
                    .orElse(List.of());
            return new BatchCategory(batch.id(), batch.programmePrefix(), batch.creditType(), ecosystems);
        });
    }
}
