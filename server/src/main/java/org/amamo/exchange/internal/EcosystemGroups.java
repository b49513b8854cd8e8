package org.amamo.exchange.internal;

import java.util.List;

/**
 * The ecosystem groups of trading categories: one of the ecosystems of target plants, {@code mixed} for a project of
 * several, {@code none} for credits without an ecosystem (reductions, or a batch issued for no certified application).
 */
final class EcosystemGroups {

    static final String MIXED = "mixed";
    static final String NONE = "none";

    /** Every group, as an instrument may name it. */
    static final List<String> ALL =
            List.of("seagrass", "seaweed", "tidal-flat", "mangrove", "seaweed-farm", MIXED, NONE);

    private EcosystemGroups() {}

    /** The group of a batch whose certified project has these ecosystems. */
    static String of(List<String> ecosystems) {
        List<String> distinct = ecosystems.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return NONE;
        }
        return distinct.size() == 1 ? distinct.get(0) : MIXED;
    }
}
