package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * Supplies the value used for one numeric input of a component in a calculation. The certified
 * calculation uses {@link #CERTIFIED}, the entered values; the Monte Carlo band substitutes draws.
 */
@FunctionalInterface
public interface InputSampler {

    /** Uses every input as entered (an absent certainty as 1). */
    InputSampler CERTIFIED = (yearIndex, componentIndex, component, input, value) -> value;

    /**
     * The value to calculate with.
     *
     * @param yearIndex      index of the crediting year in the sheet
     * @param componentIndex index of the component in its year
     * @param component      the component
     * @param input          which input
     * @param value          the entered value (the table coefficient when none entered; 1 for an absent certainty)
     * @return the value to use
     */
    BigDecimal value(int yearIndex, int componentIndex, Component component, ComponentInput input, BigDecimal value);
}
