package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.amamo.methodology.table.Coefficient;
import org.amamo.methodology.table.EmissionFactor;
import org.amamo.methodology.table.MethodologyTable;
import org.amamo.methodology.table.MethodologyTables;

/**
 * Every input of a calculation sheet with its source, as the application page and the public calculation sheet
 * list them (methodology.md §7: "every input factor is recorded with its source in the sheet"). Factors the
 * applicant enters carry the source the applicant gave ({@code gridFactorSource}, {@code transportFactorSource},
 * {@code parameterSource}); baseline quantities carry {@code baselineBasis}; factors taken from the methodology
 * version's table (coefficients, fuel emission factors) are listed with the table's figure and cited source.
 */
final class SheetInputs {

    /** One input: the component, the field's label key, the value as entered, and where it comes from. */
    record Input(String component, String labelKey, String value, String unit, String source) {}

    /** The inputs of one crediting year. */
    record Year(LocalDate start, List<Input> inputs) {}

    /** A field of the component form: its label key, unit, getter and the getter of its source, if any. */
    private record Field(
            String labelKey,
            String unit,
            Function<SheetForm.ComponentForm, String> value,
            Function<SheetForm.ComponentForm, String> source) {}

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        field("areaHa", "application.field.area-ha", "ha", SheetForm.ComponentForm::getAreaHa, null);
        field(
                "coefficient",
                "application.field.coefficient",
                "t-CO2/ha/yr",
                SheetForm.ComponentForm::getCoefficient,
                null);
        field(
                "biomassTww",
                "application.field.biomass",
                "t WW",
                SheetForm.ComponentForm::getBiomassTww,
                SheetForm.ComponentForm::getParameterSource);
        field("ropeLengthM", "application.field.rope-length", "m", SheetForm.ComponentForm::getRopeLengthM, null);
        field(
                "yieldKgWwPerM",
                "application.field.yield",
                "kg WW/m",
                SheetForm.ComponentForm::getYieldKgWwPerM,
                SheetForm.ComponentForm::getParameterSource);
        field(
                "pb",
                "application.field.pb",
                "",
                SheetForm.ComponentForm::getPb,
                SheetForm.ComponentForm::getParameterSource);
        field(
                "waterContent",
                "application.field.water-content",
                "",
                SheetForm.ComponentForm::getWaterContent,
                SheetForm.ComponentForm::getParameterSource);
        field(
                "carbonContent",
                "application.field.carbon-content",
                "",
                SheetForm.ComponentForm::getCarbonContent,
                SheetForm.ComponentForm::getParameterSource);
        field(
                "residualRate",
                "application.field.residual-rate",
                "",
                SheetForm.ComponentForm::getResidualRate,
                SheetForm.ComponentForm::getParameterSource);
        field(
                "baselineElectricityKwh",
                "application.field.baseline-kwh",
                "kWh",
                SheetForm.ComponentForm::getBaselineElectricityKwh,
                SheetForm.ComponentForm::getBaselineBasis);
        field(
                "baselineFuelLitres",
                "application.field.baseline-fuel-litres",
                "L",
                SheetForm.ComponentForm::getBaselineFuelLitres,
                SheetForm.ComponentForm::getBaselineBasis);
        field(
                "baselineFuelTonnes",
                "application.field.baseline-fuel-tonnes",
                "t",
                SheetForm.ComponentForm::getBaselineFuelTonnes,
                SheetForm.ComponentForm::getBaselineBasis);
        field(
                "projectFuelLitres",
                "application.field.project-fuel-litres",
                "L",
                SheetForm.ComponentForm::getProjectFuelLitres,
                null);
        field(
                "projectFuelTonnes",
                "application.field.project-fuel-tonnes",
                "t",
                SheetForm.ComponentForm::getProjectFuelTonnes,
                null);
        field(
                "projectElectricityKwh",
                "application.field.project-kwh",
                "kWh",
                SheetForm.ComponentForm::getProjectElectricityKwh,
                null);
        field(
                "gridFactorTCo2PerKwh",
                "application.field.grid-factor",
                "t-CO2/kWh",
                SheetForm.ComponentForm::getGridFactorTCo2PerKwh,
                SheetForm.ComponentForm::getGridFactorSource);
        field(
                "avoidedTonneKm",
                "application.field.avoided-tonne-km",
                "t-km",
                SheetForm.ComponentForm::getAvoidedTonneKm,
                SheetForm.ComponentForm::getBaselineBasis);
        field(
                "transportFactorTCo2PerTonneKm",
                "application.field.transport-factor",
                "t-CO2/t-km",
                SheetForm.ComponentForm::getTransportFactorTCo2PerTonneKm,
                SheetForm.ComponentForm::getTransportFactorSource);
        field("areaCertainty", "application.field.area-certainty", "", SheetForm.ComponentForm::getAreaCertainty, null);
        field(
                "coefficientCertainty",
                "application.field.coefficient-certainty",
                "",
                SheetForm.ComponentForm::getCoefficientCertainty,
                null);
        field("certainty", "application.field.certainty", "", SheetForm.ComponentForm::getCertainty, null);
    }

    private SheetInputs() {}

    private static void field(
            String name,
            String labelKey,
            String unit,
            Function<SheetForm.ComponentForm, String> value,
            Function<SheetForm.ComponentForm, String> source) {
        FIELDS.put(name, new Field(labelKey, unit, value, source));
    }

    /** The inputs of every year of the sheet, with the factors its methodology version supplies. */
    static List<Year> of(SheetForm sheet) {
        MethodologyTable table = sheet.getMethodologyVersion() == null
                ? null
                : MethodologyTables.standard()
                        .find(sheet.getMethodologyVersion())
                        .orElse(null);
        List<Year> years = new ArrayList<>();
        for (SheetForm.YearForm year : sheet.getYears()) {
            List<Input> inputs = new ArrayList<>();
            for (SheetForm.ComponentForm component : year.getComponents()) {
                inputs.addAll(inputs(component, table));
            }
            years.add(new Year(year.getStart(), inputs));
        }
        return years;
    }

    private static List<Input> inputs(SheetForm.ComponentForm component, MethodologyTable table) {
        List<Input> inputs = new ArrayList<>();
        String id = component.getId();
        if ("area".equals(component.getMethod()) && given(component.getEcosystem())) {
            inputs.add(new Input(id, "application.field.ecosystem", component.getEcosystem(), "", null));
            if (!given(component.getCoefficient()) && table != null) {
                table.coefficient(component.getEcosystem())
                        .ifPresent((Coefficient coefficient) -> inputs.add(new Input(
                                id,
                                "application.input.table-coefficient",
                                coefficient.tonnesCo2PerHectarePerYear().toPlainString(),
                                "t-CO2/ha/yr",
                                coefficient.source())));
            }
        }
        fuel(inputs, id, "application.field.baseline-fuel", component.getBaselineFuel(), table);
        fuel(inputs, id, "application.field.project-fuel", component.getProjectFuel(), table);
        for (Field field : FIELDS.values()) {
            String value = field.value().apply(component);
            if (given(value)) {
                String source = field.source() == null ? null : field.source().apply(component);
                inputs.add(new Input(id, field.labelKey(), value.strip(), field.unit(), given(source) ? source : null));
            }
        }
        return inputs;
    }

    /** A fuel named on the sheet, with the emission factor the version's table publishes for it. */
    private static void fuel(List<Input> inputs, String id, String labelKey, String fuel, MethodologyTable table) {
        if (!given(fuel)) {
            return;
        }
        EmissionFactor factor =
                table == null ? null : table.emissionFactor(fuel).orElse(null);
        if (factor == null) {
            inputs.add(new Input(id, labelKey, fuel, "", null));
            return;
        }
        inputs.add(new Input(id, labelKey, fuel, "", null));
        inputs.add(new Input(
                id,
                "application.input.table-factor",
                factor.tonnesCo2PerUnit().toPlainString(),
                "t-CO2/" + (factor.unit() == org.amamo.methodology.table.FuelUnit.KILOLITRE ? "kL" : "t"),
                factor.source()));
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
