package org.amamo.claim;

import java.util.Optional;

/**
 * Names the credit batch a certified application's credits were issued as (its serial prefix, e.g.
 * {@code JBC-2025-0003-01}), so that a refused claim can say which batch already holds the year. The registry
 * implements it; the claim module does not depend on the registry.
 */
public interface CertifiedBatchNames {

    /** The batch issued for the certified application; empty while it has not been issued. */
    Optional<String> batchOf(long applicationId);
}
