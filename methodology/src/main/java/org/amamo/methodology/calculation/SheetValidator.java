package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amamo.methodology.CreditType;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.table.MethodologyTable;
import org.amamo.methodology.table.MethodologyTables;

/**
 * The rules of methodology.md section 5 (and the period rules of section 3), one message per field. A sheet
 * is either removal or reduction (section 7): its version must publish methods of that type, its components
 * must all be of that type, and a reduction sheet has no removal baseline or vessel emissions.
 */
final class SheetValidator {

    /** At most this many crediting years per sheet; the retroactive limit allows five. */
    static final int MAX_YEARS = 10;
    /** At most this many components per crediting year. */
    static final int MAX_COMPONENTS = 1_000;
    /** At most this many vessel entries per crediting year. */
    static final int MAX_VESSELS = 1_000;

    private final MethodologyTables tables;

    SheetValidator(MethodologyTables tables) {
        this.tables = tables;
    }

    List<FieldError> validate(CalculationSheet sheet) {
        ErrorList errors = new ErrorList();
        if (sheet.type() == null) {
            errors.add("$.type", "sheet.type.required");
        }
        MethodologyTable table = version(sheet.methodologyVersion(), sheet.type(), errors);
        MethodologyTable keys = table != null ? table : latest(sheet.type());
        if (sheet.applicationDate() == null) {
            errors.add("$.applicationDate", "sheet.application-date.required");
        }
        years(sheet, table, keys, errors);
        return errors.toList();
    }

    /**
     * Ecosystems and fuels are still checked when the version is unknown or of the other type, against the
     * latest table of the sheet's type.
     */
    private MethodologyTable latest(CreditType type) {
        List<MethodologyTable> candidates = type == null ? tables.all() : tables.supporting(type);
        return candidates.get(candidates.size() - 1);
    }

    private MethodologyTable version(String version, CreditType type, ErrorList errors) {
        String versions = String.join(", ", versions(type));
        if (version == null) {
            errors.add("$.methodologyVersion", "sheet.version.required", versions);
            return null;
        }
        MethodologyTable table = tables.find(version).orElse(null);
        if (table == null) {
            errors.add("$.methodologyVersion", "sheet.version.unknown", version, versions);
        } else if (type != null && !table.supports(type)) {
            errors.add(
                    "$.methodologyVersion",
                    type == CreditType.REDUCTION
                            ? "sheet.version.no-reduction-methods"
                            : "sheet.version.no-removal-methods",
                    version,
                    versions);
            return null;
        }
        return table;
    }

    /** The versions a sheet of the type may use (all of them while the type is unknown). */
    private List<String> versions(CreditType type) {
        List<MethodologyTable> candidates = type == null ? tables.all() : tables.supporting(type);
        return candidates.stream().map(MethodologyTable::version).toList();
    }

    private void years(CalculationSheet sheet, MethodologyTable table, MethodologyTable keys, ErrorList errors) {
        List<CreditingYear> years = sheet.years();
        if (years.isEmpty()) {
            errors.add("$.years", "sheet.years.required");
            return;
        }
        if (years.size() > MAX_YEARS) {
            errors.add("$.years", "sheet.years.too-many", Integer.toString(MAX_YEARS), Integer.toString(years.size()));
            return;
        }
        for (int y = 0; y < years.size(); y++) {
            String path = "$.years[" + y + "]";
            CreditingYear year = years.get(y);
            if (year == null) {
                errors.add(path, "sheet.year.not-an-object");
                continue;
            }
            new YearRules(sheet.type(), table, keys, path, errors).check(year);
            if (y > 0) {
                contiguity(years.get(y - 1), year, path, errors);
            }
        }
        period(sheet, errors);
    }

    private static void contiguity(CreditingYear previous, CreditingYear year, String path, ErrorList errors) {
        if (previous == null || previous.start() == null || year.start() == null) {
            return;
        }
        LocalDate expected = CreditingPeriod.nextStart(previous.start());
        String previousStart = previous.start().toString();
        String previousEnd = CreditingPeriod.end(previous.start()).toString();
        if (year.start().isBefore(expected)) {
            errors.add(
                    path + ".start", "sheet.year.overlaps-previous", previousStart, previousEnd, expected.toString());
        } else if (year.start().isAfter(expected)) {
            errors.add(
                    path + ".start", "sheet.year.gap-after-previous", previousStart, previousEnd, expected.toString());
        }
    }

    private static void period(CalculationSheet sheet, ErrorList errors) {
        LocalDate applicationDate = sheet.applicationDate();
        List<CreditingYear> years = sheet.years();
        CreditingYear first = years.get(0);
        CreditingYear last = years.get(years.size() - 1);
        if (applicationDate == null || first == null || last == null) {
            return;
        }
        if (last.start() != null) {
            LocalDate end = CreditingPeriod.end(last.start());
            if (end.isAfter(applicationDate)) {
                String path = "$.years[" + (years.size() - 1) + "]" + (last.end() != null ? ".end" : ".start");
                errors.add(path, "sheet.year.ends-after-application", end.toString(), applicationDate.toString());
            }
        }
        LocalDate earliest = CreditingPeriod.earliestStart(applicationDate);
        if (first.start() != null && first.start().isBefore(earliest)) {
            errors.add(
                    "$.years[0].start",
                    "sheet.year.too-early",
                    first.start().toString(),
                    Integer.toString(CreditingPeriod.RETROACTIVE_LIMIT_YEARS),
                    applicationDate.toString(),
                    earliest.toString());
        }
    }

    /** Rules for one crediting year and its components and vessels. */
    private static final class YearRules {
        private final CreditType type;
        private final MethodologyTable table;
        private final MethodologyTable keys;
        private final String path;
        private final ErrorList errors;
        private final NumberRules numbers;

        YearRules(CreditType type, MethodologyTable table, MethodologyTable keys, String path, ErrorList errors) {
            this.type = type;
            this.table = table;
            this.keys = keys;
            this.path = path;
            this.errors = errors;
            this.numbers = new NumberRules(errors);
        }

        void check(CreditingYear year) {
            if (year.start() == null) {
                errors.add(path + ".start", "sheet.year.start.required");
            } else if (year.end() != null && !year.end().equals(CreditingPeriod.end(year.start()))) {
                errors.add(
                        path + ".end",
                        "sheet.year.end.not-one-year",
                        year.start().toString(),
                        CreditingPeriod.end(year.start()).toString(),
                        year.end().toString());
            }
            if (type == CreditType.REDUCTION) {
                components(year.components());
                noRemovalBaselineOrVessels(year);
                return;
            }
            numbers.nonNegative(path + ".baselineT", year.baselineTonnesCo2(), false);
            components(year.components());
            vessels(year.vessels());
        }

        /**
         * Section 1's baseline uptake and vessel emissions belong to removals; a reduction's baseline and
         * project emissions are entered per component, so a vessel would otherwise be counted twice or never.
         */
        private void noRemovalBaselineOrVessels(CreditingYear year) {
            if (year.baselineTonnesCo2() != null) {
                errors.add(path + ".baselineT", "reduction.baseline-t.not-allowed");
            }
            if (!year.vessels().isEmpty()) {
                errors.add(path + ".vessels", "reduction.vessels.not-allowed");
            }
        }

        private void components(List<Component> components) {
            if (components.isEmpty()) {
                errors.add(path + ".components", "sheet.components.required");
                return;
            }
            if (components.size() > MAX_COMPONENTS) {
                errors.add(
                        path + ".components",
                        "sheet.components.too-many",
                        Integer.toString(MAX_COMPONENTS),
                        Integer.toString(components.size()));
                return;
            }
            Set<String> ids = new HashSet<>();
            for (int c = 0; c < components.size(); c++) {
                String componentPath = path + ".components[" + c + "]";
                Component component = components.get(c);
                if (component == null) {
                    errors.add(componentPath, "sheet.component.not-an-object", SheetReader.methods(type));
                    continue;
                }
                id(component.id(), componentPath, ids);
                if (type != null && component.type() != type) {
                    if (type == CreditType.REDUCTION) {
                        errors.add(
                                componentPath + ".method",
                                "reduction.method.is-removal",
                                component.method(),
                                SheetReader.methods(type));
                    } else {
                        errors.add(componentPath + ".method", "sheet.method.is-reduction", component.method());
                    }
                    continue;
                }
                new ComponentRules(table, keys, componentPath, errors).check(component);
            }
        }

        private void id(String id, String componentPath, Set<String> ids) {
            if (id == null || id.isBlank()) {
                errors.add(componentPath + ".id", "sheet.component.id.required");
            } else if (!ids.add(id)) {
                errors.add(componentPath + ".id", "sheet.component.id.duplicate", id);
            }
        }

        private void vessels(List<Vessel> vessels) {
            if (vessels.size() > MAX_VESSELS) {
                errors.add(
                        path + ".vessels",
                        "sheet.vessels.too-many",
                        Integer.toString(MAX_VESSELS),
                        Integer.toString(vessels.size()));
                return;
            }
            for (int v = 0; v < vessels.size(); v++) {
                String vesselPath = path + ".vessels[" + v + "]";
                Vessel vessel = vessels.get(v);
                if (vessel == null) {
                    errors.add(vesselPath, "sheet.vessel.not-an-object");
                    continue;
                }
                new VesselRules(keys, vesselPath, errors).check(vessel);
            }
        }
    }

    /** Rules for one vessel entry. */
    private record VesselRules(MethodologyTable table, String path, ErrorList errors) {

        void check(Vessel vessel) {
            fuel(vessel.fuel());
            NumberRules numbers = new NumberRules(errors);
            boolean estimated = vessel.count() != null
                    || vessel.hours() != null
                    || vessel.ratedKilowatts() != null
                    || vessel.fuelLitresPerKilowattHour() != null;
            if (vessel.fuelLitres() != null && estimated) {
                errors.add(path, "sheet.vessel.measured-and-estimated");
                return;
            }
            if (vessel.fuelLitres() != null) {
                numbers.nonNegative(path + ".fuelLitres", vessel.fuelLitres(), true);
                return;
            }
            count(vessel.count(), numbers);
            numbers.nonNegative(path + ".hours", vessel.hours(), true);
            numbers.nonNegative(path + ".ratedKw", vessel.ratedKilowatts(), true);
            numbers.nonNegative(path + ".fuelLitresPerKwh", vessel.fuelLitresPerKilowattHour(), true);
        }

        private void fuel(String fuel) {
            String known = String.join(", ", table.fuels());
            if (fuel == null) {
                errors.add(path + ".fuel", "sheet.vessel.fuel.required", known);
            } else if (table.emissionFactor(fuel).isEmpty()) {
                errors.add(path + ".fuel", "sheet.fuel.unknown", fuel, known);
            }
        }

        private void count(BigDecimal count, NumberRules numbers) {
            numbers.nonNegative(path + ".count", count, true);
            if (count != null
                    && count.signum() >= 0
                    && count.stripTrailingZeros().scale() > 0) {
                errors.add(path + ".count", "sheet.vessel.count.not-whole", count.toPlainString());
            }
        }
    }

    /** Rules for one component. */
    private record ComponentRules(MethodologyTable table, MethodologyTable keys, String path, ErrorList errors) {

        void check(Component component) {
            NumberRules numbers = new NumberRules(errors);
            if (component instanceof AreaComponent area) {
                area(area, numbers);
            } else if (component instanceof FarmBiomassComponent farm) {
                numbers.nonNegative(path + ".biomassTww", farm.biomassTonnesWetWeight(), true);
                species(farm.species(), numbers);
            } else if (component instanceof RopeLengthComponent rope) {
                numbers.nonNegative(path + ".ropeLengthM", rope.ropeLengthMetres(), true);
                numbers.nonNegative(path + ".yieldKgWwPerM", rope.yieldKilogramsWetWeightPerMetre(), true);
                species(rope.species(), numbers);
            } else if (component instanceof ReductionComponent reduction) {
                new ReductionRules(keys, path, errors).check(reduction);
            }
            for (ComponentInput certainty : component.certainties()) {
                numbers.certainty(path + "." + certainty.jsonName(), component.value(certainty));
            }
            uncertainties(component, numbers);
        }

        private void area(AreaComponent area, NumberRules numbers) {
            ecosystem(area.ecosystem());
            numbers.nonNegative(path + ".areaHa", area.areaHectares(), true);
            if (area.ownCoefficient() == null) {
                return;
            }
            String coefficientPath = path + ".coefficient";
            if (table != null && !table.ownCoefficientAllowed()) {
                errors.add(coefficientPath, "sheet.coefficient.own-not-allowed", table.version());
                return;
            }
            numbers.nonNegative(coefficientPath, area.ownCoefficient(), true);
            numbers.atMostTwoDecimals(coefficientPath, area.ownCoefficient());
        }

        private void ecosystem(String ecosystem) {
            String known = String.join(", ", keys.ecosystems());
            if (ecosystem == null) {
                errors.add(path + ".ecosystem", "sheet.ecosystem.required", known);
            } else if (keys.coefficient(ecosystem).isEmpty()) {
                errors.add(path + ".ecosystem", "sheet.ecosystem.unknown", ecosystem, known);
            }
        }

        private void species(SpeciesParameters species, NumberRules numbers) {
            numbers.nonNegative(path + ".pb", species.productionToBiomassRatio(), true);
            numbers.fraction(path + ".waterContent", species.waterContent());
            numbers.fraction(path + ".carbonContent", species.carbonContent());
            numbers.fraction(path + ".residualRate", species.residualRate());
        }

        private void uncertainties(Component component, NumberRules numbers) {
            for (Map.Entry<ComponentInput, InputDistribution> entry :
                    component.uncertainties().entrySet()) {
                String inputPath = path + ".uncertainty." + entry.getKey().jsonName();
                if (!component.inputs().contains(entry.getKey())) {
                    errors.add(
                            inputPath,
                            "sheet.uncertainty.not-an-input-of-method",
                            component.method(),
                            String.join(
                                    ", ",
                                    component.inputs().stream()
                                            .map(ComponentInput::jsonName)
                                            .toList()));
                } else if (entry.getValue() instanceof InputDistribution.Uniform uniform) {
                    numbers.nonNegative(inputPath + ".min", uniform.min(), true);
                    numbers.nonNegative(inputPath + ".max", uniform.max(), true);
                    if (uniform.min() != null
                            && uniform.max() != null
                            && uniform.min().compareTo(uniform.max()) > 0) {
                        errors.add(
                                inputPath,
                                "sheet.uncertainty.min-above-max",
                                uniform.min().toPlainString(),
                                uniform.max().toPlainString());
                    }
                } else if (entry.getValue() instanceof InputDistribution.Normal normal) {
                    numbers.nonNegative(inputPath + ".sd", normal.standardDeviation(), true);
                }
            }
        }
    }
}
