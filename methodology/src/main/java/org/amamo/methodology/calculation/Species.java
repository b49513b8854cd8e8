package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/** Reads species parameters by input, shared by the two biomass methods. */
final class Species {

    private Species() {}

    static BigDecimal value(SpeciesParameters species, ComponentInput input) {
        return switch (input) {
            case PB -> species.productionToBiomassRatio();
            case WATER_CONTENT -> species.waterContent();
            case CARBON_CONTENT -> species.carbonContent();
            case RESIDUAL_RATE -> species.residualRate();
            default -> throw new IllegalArgumentException(input + " is not a species parameter");
        };
    }
}
