package org.amamo.registry;

import java.util.List;
import org.amamo.platform.Refusal;

/**
 * The answer to an issuance: the batch issued, with the serial range each holder received in the order of the
 * request, or the refusals that stopped it (and then nothing was issued).
 */
public record IssuanceResult(Long batchId, List<Allocation> allocations, List<Refusal> refusals) {

    public IssuanceResult {
        allocations = List.copyOf(allocations);
        refusals = List.copyOf(refusals);
    }

    public boolean issued() {
        return refusals.isEmpty();
    }

    /** What one initial holder received: their holding account and a serial range of {@code creditUnits}. */
    public record Allocation(long accountId, String serialRange, long creditUnits) {}
}
