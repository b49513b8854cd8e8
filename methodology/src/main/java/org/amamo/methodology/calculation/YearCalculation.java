package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.table.MethodologyTable;

/** Calculates one validated crediting year; collects warnings on the way. */
final class YearCalculation {

    private final MethodologyTable table;
    private final InputSampler sampler;
    private final int yearIndex;
    private final List<String> warnings;

    YearCalculation(MethodologyTable table, InputSampler sampler, int yearIndex, List<String> warnings) {
        this.table = table;
        this.sampler = sampler;
        this.yearIndex = yearIndex;
        this.warnings = warnings;
    }

    YearResult calculate(CreditingYear year) {
        List<ComponentResult> components = new ArrayList<>();
        for (int c = 0; c < year.components().size(); c++) {
            components.add(component(c, year.components().get(c)));
        }
        BigDecimal gross = components.stream().map(ComponentResult::uptakeTonnesCo2)
                .reduce(BigDecimal.ZERO, Formulas::plus);
        BigDecimal baseline = baseline(year);
        BigDecimal vessels = year.vessels().stream().map(this::emission).reduce(BigDecimal.ZERO, Formulas::plus);
        BigDecimal net = Formulas.minus(Formulas.minus(gross, baseline), vessels);
        LocalDate end = CreditingPeriod.end(year.start());
        return new YearResult(year.start(), end, components, gross, baseline, vessels, net);
    }

    private BigDecimal baseline(CreditingYear year) {
        if (year.baselineTonnesCo2() == null) {
            warnings.add(path() + ".baselineT: not given; a baseline of 0 t-CO2 was assumed");
            return BigDecimal.ZERO;
        }
        return year.baselineTonnesCo2();
    }

    private ComponentResult component(int index, Component component) {
        Values values = new Values(index, component);
        BigDecimal uptake = uptake(values, component);
        BigDecimal certified = uptake;
        for (ComponentInput certainty : component.certainties()) {
            certified = Formulas.times(certified, values.get(certainty));
        }
        warnUnscored(index, component);
        return new ComponentResult(component.id(), component.method(), uptake, certified);
    }

    private static BigDecimal uptake(Values values, Component component) {
        if (component instanceof AreaComponent) {
            return Formulas.areaUptake(values.get(ComponentInput.AREA_HA), values.get(ComponentInput.COEFFICIENT));
        }
        if (component instanceof FarmBiomassComponent) {
            return farmUptake(values, values.get(ComponentInput.BIOMASS_TWW));
        }
        return farmUptake(values, Formulas.ropeBiomass(values.get(ComponentInput.ROPE_LENGTH_M),
                values.get(ComponentInput.YIELD_KG_WW_PER_M)));
    }

    private static BigDecimal farmUptake(Values values, BigDecimal biomass) {
        return Formulas.farmUptake(biomass, values.get(ComponentInput.PB), values.get(ComponentInput.WATER_CONTENT),
                values.get(ComponentInput.CARBON_CONTENT), values.get(ComponentInput.RESIDUAL_RATE));
    }

    private void warnUnscored(int index, Component component) {
        for (ComponentInput certainty : component.certainties()) {
            if (component.value(certainty) == null) {
                warnings.add(path() + ".components[" + index + "]." + certainty.jsonName()
                        + ": not yet scored; 1.00 was assumed and the result is provisional");
            }
        }
    }

    private BigDecimal emission(Vessel vessel) {
        BigDecimal litres = vessel.fuelLitres() != null ? vessel.fuelLitres()
                : Formulas.estimatedFuelLitres(vessel.count(), vessel.hours(), vessel.ratedKilowatts(),
                        vessel.fuelLitresPerKilowattHour());
        BigDecimal factor = table.emissionFactor(vessel.fuel()).orElseThrow().tonnesCo2PerKilolitre();
        return Formulas.vesselEmission(litres, factor);
    }

    private String path() {
        return "$.years[" + yearIndex + "]";
    }

    /** The values a component is calculated with: entered, defaulted, then passed through the sampler. */
    private final class Values {
        private final int componentIndex;
        private final Component component;

        Values(int componentIndex, Component component) {
            this.componentIndex = componentIndex;
            this.component = component;
        }

        BigDecimal get(ComponentInput input) {
            return sampler.value(yearIndex, componentIndex, component, input, entered(input));
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
}
