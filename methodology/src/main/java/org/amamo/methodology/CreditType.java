package org.amamo.methodology;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a calculation sheet certifies: CO2 taken up by an ecosystem or a farm (removal), or emissions
 * avoided by using marine resources, the Yokohama scheme's "Blue Resource" (reduction). A sheet, and so
 * every batch and certificate made from it, is one or the other (seed 004 lists the kind among what a
 * buyer must disclose).
 */
public enum CreditType {
    /** Removals: uptake by seagrass, seaweed, mangrove, tidal flats (methodology.md sections 1 to 6). */
    REMOVAL("removal"),
    /** Reductions: baseline emissions minus project emissions (methodology.md section 7). */
    REDUCTION("reduction");

    private final String jsonName;

    CreditType(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * The name in sheets, results and tables.
     *
     * @return {@code removal} or {@code reduction}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Looks a type up by its name.
     *
     * @param jsonName {@code removal} or {@code reduction}
     * @return the type, or empty for any other text
     */
    public static Optional<CreditType> byJsonName(String jsonName) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(jsonName)).findFirst();
    }
}
