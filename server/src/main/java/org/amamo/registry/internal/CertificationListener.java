package org.amamo.registry.internal;

import java.util.List;
import java.util.Locale;
import org.amamo.application.ApplicationCertified;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.IssuedBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues the credits of a certified application (the application workflow's {@link ApplicationCertified}). The
 * event is kept in the event publication registry until this listener completes; the issuance's idempotency key
 * ({@code application-<id>-certified}) makes a redelivery issue nothing twice.
 */
@Component
class CertificationListener {

    private static final Logger log = LoggerFactory.getLogger(CertificationListener.class);

    private final Issuer issuer;
    private final String programmePrefix;
    private final String certifier;

    CertificationListener(
            Issuer issuer,
            @Value("${amamo.registry.programme-prefix:JBC}") String programmePrefix,
            @Value("${amamo.registry.certifier:JBE}") String certifier) {
        this.issuer = issuer;
        this.programmePrefix = programmePrefix;
        this.certifier = certifier;
    }

    /**
     * Runs after the certifying transaction commits, on another thread, and deliberately outside any transaction
     * (unlike {@code @ApplicationModuleListener}): the registry runs each attempt in a transaction of its own, so
     * that a concurrent duplicate delivery can fail on the idempotency key and then read the first result.
     */
    @Async
    @TransactionalEventListener
    void on(ApplicationCertified certified) {
        IssuanceResult result = issuer.issue(request(certified));
        if (!result.issued()) {
            // Left incomplete in the publication registry, so that it can be resubmitted once the cause is fixed.
            throw new IllegalStateException(
                    "issuance for application " + certified.applicationId() + " refused: " + result.refusals());
        }
        log.info("issued batch {} for application {}", result.batchId(), certified.applicationId());
    }

    IssuanceRequest request(ApplicationCertified certified) {
        List<InitialHolder> holders = certified.holders().stream()
                .map(holder -> new InitialHolder(holder.userId(), null, holder.sharePercent()))
                .toList();
        return new IssuanceRequest(
                certified.projectId(),
                certified.projectCode(),
                certified.projectName(),
                certified.programmePrefix() == null ? programmePrefix : certified.programmePrefix(),
                certified.vintage(),
                certified.methodologyVersion(),
                CreditType.valueOf(certified.creditType().toUpperCase(Locale.ROOT)),
                certified.certifier() == null ? certifier : certified.certifier(),
                certified.units(),
                holders,
                IssuedBatches.certificationReference(certified.applicationId()));
    }
}
