package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import org.amamo.methodology.table.MethodologyTable;

/** The values a component is calculated with: entered, defaulted, then passed through the sampler. */
final class ComponentValues {

    private final MethodologyTable table;
    private final InputSampler sampler;
    private final int yearIndex;
    private final int componentIndex;
    private final Component component;

    ComponentValues(
            MethodologyTable table, InputSampler sampler, int yearIndex, int componentIndex, Component component) {
        this.table = table;
        this.sampler = sampler;
        this.yearIndex = yearIndex;
        this.componentIndex = componentIndex;
        this.component = component;
    }

    BigDecimal get(ComponentInput input) {
        return sampler.value(yearIndex, componentIndex, component, input, entered(input));
    }

    /** The component's value times each of its certainty factors (an absent one counts as 1). */
    BigDecimal timesCertainties(BigDecimal value) {
        BigDecimal certified = value;
        for (ComponentInput certainty : component.certainties()) {
            certified = Formulas.times(certified, get(certainty));
        }
        return certified;
    }

    private BigDecimal entered(ComponentInput input) {
        BigDecimal value = component.value(input);
        if (value != null) {
            return value;
        }
        if (input == ComponentInput.COEFFICIENT && component instanceof AreaComponent area) {
            return table.coefficient(area.ecosystem()).orElseThrow().tonnesCo2PerHectarePerYear();
        }
        if (component.certainties().contains(input)) {
            return BigDecimal.ONE;
        }
        throw new IllegalArgumentException("input " + input.jsonName() + " missing; validate the sheet first");
    }
}
