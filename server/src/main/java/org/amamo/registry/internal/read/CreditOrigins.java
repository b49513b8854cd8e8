package org.amamo.registry.internal.read;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amamo.application.CertifiedProjects;
import org.amamo.application.ProjectFacts;
import org.amamo.registry.CreditType;
import org.amamo.registry.IssuedBatches;
import org.amamo.registry.internal.read.RegistryViews.BatchView;
import org.amamo.registry.internal.read.RegistryViews.CreditBasis;
import org.amamo.registry.internal.read.RegistryViews.CreditOrigin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The origins of batches as a retirement record discloses them, read when shown rather than written with each
 * retirement (which keeps the retirement's hot path as it was): the batch's type, and from the application it was
 * certified by (named by its issuance's idempotency key) the monitoring period, region and co-benefits.
 */
@Component
class CreditOrigins {

    private final JdbcClient jdbc;
    private final CertifiedProjects projects;

    CreditOrigins(JdbcClient jdbc, CertifiedProjects projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The origin of each batch, by batch id: two queries whatever the number of batches. */
    Map<Long, CreditOrigin> of(Collection<BatchView> batches) {
        if (batches.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> applications = new HashMap<>();
        jdbc.sql("""
                SELECT b.id, e.idempotency_key FROM registry_batch b
                  JOIN registry_journal_entry e ON e.id = b.entry_id WHERE b.id IN (:ids)
                """)
                .param("ids", batches.stream().map(BatchView::id).toList())
                .query((row, n) -> {
                    long batchId = row.getLong(1);
                    IssuedBatches.certifiedApplication(row.getString(2))
                            .ifPresent(application -> applications.put(batchId, application));
                    return batchId;
                })
                .list();
        Map<Long, ProjectFacts> facts = projects.facts(applications.values());
        Map<Long, CreditOrigin> origins = new HashMap<>();
        for (BatchView batch : batches) {
            Long application = applications.get(batch.id());
            ProjectFacts project = application == null ? null : facts.get(application);
            origins.put(batch.id(), origin(batch, project));
        }
        return origins;
    }

    private static CreditOrigin origin(BatchView batch, ProjectFacts project) {
        CreditBasis basis =
                batch.creditType() == CreditType.REMOVAL ? CreditBasis.NATURE_BASED : CreditBasis.TECHNOLOGY_BASED;
        if (project == null) {
            return new CreditOrigin(
                    batch.batchSerial(), batch.creditType(), basis, null, null, null, null, List.of(), List.of());
        }
        return new CreditOrigin(
                batch.batchSerial(),
                batch.creditType(),
                basis,
                project.monitoringStart(),
                project.monitoringEnd(),
                project.prefecture(),
                project.municipality(),
                project.ecosystems(),
                project.coBenefits());
    }
}
