package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The uncertainty of one numeric input of a component, used only by the informative Monte Carlo band;
 * the certified figures always use the input's own value.
 */
public sealed interface InputDistribution
        permits InputDistribution.Uniform, InputDistribution.Normal, InputDistribution.Triangular {

    /**
     * Uniform between two bounds.
     *
     * @param min lower bound
     * @param max upper bound
     */
    record Uniform(BigDecimal min, BigDecimal max) implements InputDistribution {}

    /**
     * Normal around the input's own value.
     *
     * @param standardDeviation standard deviation, in the input's unit
     */
    record Normal(BigDecimal standardDeviation) implements InputDistribution {}

    /**
     * Triangular between two bounds, peaking at the input's own value: how a coefficient's published range is
     * drawn when the sheet gives the coefficient no uncertainty of its own. Sheets cannot state it.
     *
     * @param min lower bound
     * @param max upper bound
     */
    record Triangular(BigDecimal min, BigDecimal max) implements InputDistribution {}

    /**
     * An unmodifiable copy in input order (so that messages come out in a stable order).
     *
     * @param uncertainties distributions by input, or {@code null} for none
     * @return the copy
     */
    static Map<ComponentInput, InputDistribution> copy(Map<ComponentInput, InputDistribution> uncertainties) {
        if (uncertainties == null || uncertainties.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new EnumMap<>(uncertainties));
    }
}
