package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.Warning;
import org.amamo.methodology.table.EmissionFactor;
import org.amamo.methodology.table.FuelUnit;
import org.amamo.methodology.table.MethodologyTable;

/**
 * Calculates one validated crediting year of a reduction sheet (methodology.md section 7). Per component:
 * reduction = baseline emissions - project emissions; a positive reduction is multiplied by the certainty,
 * an increase counts in full. Per year: the sum of the components, or 0 when the sum is at or below zero.
 */
final class ReductionYearCalculation {

    private final MethodologyTable table;
    private final InputSampler sampler;
    private final int yearIndex;
    private final List<Warning> warnings;

    ReductionYearCalculation(MethodologyTable table, InputSampler sampler, int yearIndex, List<Warning> warnings) {
        this.table = table;
        this.sampler = sampler;
        this.yearIndex = yearIndex;
        this.warnings = warnings;
    }

    ReductionYearResult calculate(CreditingYear year) {
        List<ReductionResult> components = new ArrayList<>();
        for (int c = 0; c < year.components().size(); c++) {
            components.add(component(c, (ReductionComponent) year.components().get(c)));
        }
        BigDecimal baseline = sum(components.stream()
                .map(ReductionResult::baselineEmissionsTonnesCo2)
                .toList());
        BigDecimal project = sum(components.stream()
                .map(ReductionResult::projectEmissionsTonnesCo2)
                .toList());
        BigDecimal reduction =
                sum(components.stream().map(ReductionResult::reductionTonnesCo2).toList());
        if (reduction.signum() <= 0) {
            warnings.add(Warning.of(path(), "warning.reduction-year.not-positive", SheetJson.figure(reduction)));
        }
        return new ReductionYearResult(
                year.start(),
                CreditingPeriod.end(year.start()),
                components,
                baseline,
                project,
                reduction,
                reduction.max(BigDecimal.ZERO));
    }

    private ReductionResult component(int index, ReductionComponent component) {
        ComponentValues values = new ComponentValues(table, sampler, yearIndex, index, component);
        BigDecimal baseline = baselineEmissions(values, component);
        BigDecimal project = projectEmissions(values, component);
        BigDecimal before = Formulas.minus(baseline, project);
        String componentPath = path() + ".components[" + index + "]";
        YearCalculation.warnUnscored(componentPath, component, warnings);
        if (before.signum() < 0) {
            warnings.add(Warning.of(
                    componentPath, "warning.component.emissions-increase", SheetJson.figure(before.negate())));
        }
        BigDecimal reduction = before.signum() > 0 ? values.timesCertainties(before) : before;
        return new ReductionResult(component.id(), component.method(), baseline, project, before, reduction);
    }

    private BigDecimal baselineEmissions(ComponentValues values, ReductionComponent component) {
        if (component instanceof FuelSwitchComponent fuelSwitch) {
            return fuel(
                    values,
                    fuelSwitch.baseline(),
                    ComponentInput.BASELINE_FUEL_LITRES,
                    ComponentInput.BASELINE_FUEL_TONNES);
        }
        if (component instanceof ElectricityComponent electricity) {
            if (electricity.baselineElectricityKwh() != null) {
                return Formulas.times(
                        values.get(ComponentInput.BASELINE_ELECTRICITY_KWH), values.get(ComponentInput.GRID_FACTOR));
            }
            return fuel(
                    values,
                    electricity.baselineFuel(),
                    ComponentInput.BASELINE_FUEL_LITRES,
                    ComponentInput.BASELINE_FUEL_TONNES);
        }
        return Formulas.times(values.get(ComponentInput.AVOIDED_TONNE_KM), values.get(ComponentInput.TRANSPORT_FACTOR));
    }

    private BigDecimal projectEmissions(ComponentValues values, ReductionComponent component) {
        if (component instanceof FuelSwitchComponent fuelSwitch) {
            return fuel(
                    values,
                    fuelSwitch.project(),
                    ComponentInput.PROJECT_FUEL_LITRES,
                    ComponentInput.PROJECT_FUEL_TONNES);
        }
        if (component instanceof ElectricityComponent) {
            return Formulas.times(
                    values.get(ComponentInput.PROJECT_ELECTRICITY_KWH), values.get(ComponentInput.GRID_FACTOR));
        }
        // The avoided transport is the baseline's emission; the project causes none.
        return BigDecimal.ZERO;
    }

    /** The fuel's emission, with the quantity field that matches the unit of the table's factor. */
    private BigDecimal fuel(ComponentValues values, FuelQuantity fuel, ComponentInput litres, ComponentInput tonnes) {
        EmissionFactor factor = table.emissionFactor(fuel.fuel()).orElseThrow();
        ComponentInput quantity = factor.unit() == FuelUnit.KILOLITRE ? litres : tonnes;
        return Formulas.fuelEmission(values.get(quantity), factor.unit(), factor.tonnesCo2PerUnit());
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, Formulas::plus);
    }

    private String path() {
        return "$.years[" + yearIndex + "]";
    }
}
