package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * The uncertainty of one numeric input of a component, used only by the informative Monte Carlo band;
 * the certified figures always use the input's own value.
 */
public sealed interface InputDistribution permits InputDistribution.Uniform, InputDistribution.Normal {

    /**
     * Uniform between two bounds.
     *
     * @param min lower bound
     * @param max upper bound
     */
    record Uniform(BigDecimal min, BigDecimal max) implements InputDistribution {
    }

    /**
     * Normal around the input's own value.
     *
     * @param standardDeviation standard deviation, in the input's unit
     */
    record Normal(BigDecimal standardDeviation) implements InputDistribution {
    }
}
