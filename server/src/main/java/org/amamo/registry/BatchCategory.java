package org.amamo.registry;

import java.util.List;

/**
 * What a batch is, as the exchange sorts credits into trading categories: the programme (its serial prefix, e.g.
 * {@code JBC}), the credit type, and the ecosystems of the target plants of the certified application it was issued
 * for (seagrass, seaweed ...; none for a reduction, or for a batch issued for no certified application).
 */
public record BatchCategory(long batchId, String programmePrefix, CreditType creditType, List<String> ecosystems) {

    public BatchCategory {
        ecosystems = List.copyOf(ecosystems);
    }
}
