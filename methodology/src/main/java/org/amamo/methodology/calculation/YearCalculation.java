package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.Warning;
import org.amamo.methodology.table.MethodologyTable;

/** Calculates one validated crediting year of a removal sheet; collects warnings on the way. */
final class YearCalculation {

    private final MethodologyTable table;
    private final InputSampler sampler;
    private final int yearIndex;
    private final List<Warning> warnings;

    YearCalculation(MethodologyTable table, InputSampler sampler, int yearIndex, List<Warning> warnings) {
        this.table = table;
        this.sampler = sampler;
        this.yearIndex = yearIndex;
        this.warnings = warnings;
    }

    RemovalYearResult calculate(CreditingYear year) {
        List<ComponentResult> components = new ArrayList<>();
        for (int c = 0; c < year.components().size(); c++) {
            components.add(component(c, year.components().get(c)));
        }
        BigDecimal gross =
                components.stream().map(ComponentResult::uptakeTonnesCo2).reduce(BigDecimal.ZERO, Formulas::plus);
        BigDecimal baseline = baseline(year);
        BigDecimal vessels = year.vessels().stream().map(this::emission).reduce(BigDecimal.ZERO, Formulas::plus);
        BigDecimal net = Formulas.minus(Formulas.minus(gross, baseline), vessels);
        LocalDate end = CreditingPeriod.end(year.start());
        return new RemovalYearResult(year.start(), end, components, gross, baseline, vessels, net);
    }

    private BigDecimal baseline(CreditingYear year) {
        if (year.baselineTonnesCo2() == null) {
            warnings.add(Warning.of(path() + ".baselineT", "warning.baseline.assumed-zero"));
            return BigDecimal.ZERO;
        }
        return year.baselineTonnesCo2();
    }

    private ComponentResult component(int index, Component component) {
        ComponentValues values = new ComponentValues(table, sampler, yearIndex, index, component);
        BigDecimal uptake = uptake(values, component);
        BigDecimal certified = values.timesCertainties(uptake);
        warnUnscored(index, component);
        return new ComponentResult(component.id(), component.method(), uptake, certified);
    }

    private static BigDecimal uptake(ComponentValues values, Component component) {
        if (component instanceof AreaComponent) {
            return Formulas.areaUptake(values.get(ComponentInput.AREA_HA), values.get(ComponentInput.COEFFICIENT));
        }
        if (component instanceof FarmBiomassComponent) {
            return farmUptake(values, values.get(ComponentInput.BIOMASS_TWW));
        }
        return farmUptake(
                values,
                Formulas.ropeBiomass(
                        values.get(ComponentInput.ROPE_LENGTH_M), values.get(ComponentInput.YIELD_KG_WW_PER_M)));
    }

    private static BigDecimal farmUptake(ComponentValues values, BigDecimal biomass) {
        return Formulas.farmUptake(
                biomass,
                values.get(ComponentInput.PB),
                values.get(ComponentInput.WATER_CONTENT),
                values.get(ComponentInput.CARBON_CONTENT),
                values.get(ComponentInput.RESIDUAL_RATE));
    }

    private void warnUnscored(int index, Component component) {
        warnUnscored(path() + ".components[" + index + "]", component, warnings);
    }

    static void warnUnscored(String componentPath, Component component, List<Warning> warnings) {
        for (ComponentInput certainty : component.certainties()) {
            if (component.value(certainty) == null) {
                warnings.add(Warning.of(componentPath + "." + certainty.jsonName(), "warning.certainty.unscored"));
            }
        }
    }

    private BigDecimal emission(Vessel vessel) {
        BigDecimal litres = vessel.fuelLitres() != null
                ? vessel.fuelLitres()
                : Formulas.estimatedFuelLitres(
                        vessel.count(), vessel.hours(), vessel.ratedKilowatts(), vessel.fuelLitresPerKilowattHour());
        BigDecimal factor = table.emissionFactor(vessel.fuel()).orElseThrow().tonnesCo2PerKilolitre();
        return Formulas.vesselEmission(litres, factor);
    }

    private String path() {
        return "$.years[" + yearIndex + "]";
    }
}
