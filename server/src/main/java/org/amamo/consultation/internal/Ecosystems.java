package org.amamo.consultation.internal;

import java.util.List;

/** The ecosystems a blue-carbon project may concern, keyed as in the methodology tables. */
final class Ecosystems {

    /** In the order the form offers them. */
    static final List<String> KEYS = List.of("seagrass", "seaweed", "tidal-flat", "mangrove", "seaweed-farm");

    private Ecosystems() {}

    static boolean known(String key) {
        return KEYS.contains(key);
    }
}
