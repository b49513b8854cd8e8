package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import org.amamo.methodology.Message;
import org.amamo.methodology.table.EmissionFactor;
import org.amamo.methodology.table.FuelUnit;
import org.amamo.methodology.table.MethodologyTable;

/**
 * The rules for one reduction component (methodology.md sections 5 and 7), one message per field: quantities
 * zero or more; fuels known to the version's table and entered in its unit (litres of a liquid fuel, tonnes
 * of LNG); an input factor within its limit and with its source. Certainty and uncertainties are checked
 * with every other component's.
 */
final class ReductionRules {

    /**
     * Grid factors above this (t-CO2/kWh) are refused: even coal-only generation emits about 0.001, so a
     * larger figure is almost surely kg-CO2/kWh entered as t-CO2/kWh.
     */
    static final BigDecimal MAX_GRID_FACTOR_TONNES_CO2_PER_KWH = new BigDecimal("0.01");
    /**
     * Transport factors above this (t-CO2 per t-km) are refused: air freight, the most emitting mode, is
     * about 0.0015, so a larger figure is almost surely kg-CO2 entered as t-CO2.
     */
    static final BigDecimal MAX_TRANSPORT_FACTOR_TONNES_CO2_PER_TONNE_KM = new BigDecimal("0.01");
    /** Sources longer than this many characters are refused; a citation fits easily. */
    static final int MAX_SOURCE_CHARACTERS = 1_000;
    /** Asset identifiers (a vessel's registration number, a device's serial) are at most this many characters. */
    static final int MAX_ASSET_ID_CHARACTERS = 100;

    private final MethodologyTable keys;
    private final String path;
    private final ErrorList errors;
    private final NumberRules numbers;

    ReductionRules(MethodologyTable keys, String path, ErrorList errors) {
        this.keys = keys;
        this.path = path;
        this.errors = errors;
        this.numbers = new NumberRules(errors);
    }

    void check(ReductionComponent component) {
        if (component.assetId() != null && component.assetId().strip().length() > MAX_ASSET_ID_CHARACTERS) {
            errors.add(
                    path + ".assetId",
                    "reduction.asset-id.too-long",
                    Integer.toString(MAX_ASSET_ID_CHARACTERS),
                    Integer.toString(component.assetId().strip().length()));
        }
        if (component instanceof FuelSwitchComponent fuelSwitch) {
            fuel("baseline", fuelSwitch.baseline(), Message.of("reduction.burnt.fuel-switch-baseline"));
            fuel("project", fuelSwitch.project(), Message.of("reduction.burnt.fuel-switch-project"));
        } else if (component instanceof ElectricityComponent electricity) {
            electricity(electricity);
        } else if (component instanceof TransportComponent transport) {
            numbers.nonNegative(path + ".avoidedTonneKm", transport.avoidedTonneKilometres(), true);
            factor(
                    ".transportFactorTCo2PerTonneKm",
                    transport.transportFactorTonnesCo2PerTonneKm(),
                    MAX_TRANSPORT_FACTOR_TONNES_CO2_PER_TONNE_KM,
                    "reduction.transport-factor.too-large");
            source(".transportFactorSource", transport.transportFactorSource(), "reduction.transport-source.required");
        }
    }

    private void electricity(ElectricityComponent electricity) {
        boolean byElectricity = electricity.baselineElectricityKwh() != null;
        boolean byFuel = !electricity.baselineFuel().isEmpty();
        if (byElectricity && byFuel) {
            errors.add(path + ".baselineFuel", "reduction.electricity.baseline-both");
        } else if (byFuel) {
            fuel("baseline", electricity.baselineFuel(), Message.of("reduction.burnt.electricity-baseline"));
        } else if (byElectricity) {
            numbers.nonNegative(path + ".baselineElectricityKwh", electricity.baselineElectricityKwh(), true);
        } else {
            errors.add(path + ".baselineElectricityKwh", "reduction.electricity.baseline-required");
        }
        numbers.nonNegative(path + ".projectElectricityKwh", electricity.projectElectricityKwh(), true);
        factor(
                ".gridFactorTCo2PerKwh",
                electricity.gridFactorTonnesCo2PerKwh(),
                MAX_GRID_FACTOR_TONNES_CO2_PER_KWH,
                "reduction.grid-factor.too-large");
        source(".gridFactorSource", electricity.gridFactorSource(), "reduction.grid-source.required");
    }

    /**
     * A fuel and its quantity, in the unit of the table's factor: {@code <prefix>FuelLitres} or {@code ...Tonnes}.
     * {@code burnt} says whose fuel it is, e.g. "the project vessel burnt".
     */
    private void fuel(String prefix, FuelQuantity quantity, Message burnt) {
        String fuelPath = path + "." + prefix + "Fuel";
        String known = String.join(", ", keys.fuels());
        EmissionFactor factor = quantity.fuel() == null
                ? null
                : keys.emissionFactor(quantity.fuel()).orElse(null);
        if (quantity.fuel() == null) {
            errors.add(fuelPath, "reduction.fuel.required", burnt, known);
        } else if (factor == null) {
            errors.add(fuelPath, "sheet.fuel.unknown", quantity.fuel(), known);
        }
        if (factor == null) {
            numbers.nonNegative(fuelPath + "Litres", quantity.litres(), false);
            numbers.nonNegative(fuelPath + "Tonnes", quantity.tonnes(), false);
            return;
        }
        boolean litres = factor.unit() == FuelUnit.KILOLITRE;
        String expected = fuelPath + factor.unit().fieldSuffix();
        String other = fuelPath + (litres ? FuelUnit.TONNE : FuelUnit.KILOLITRE).fieldSuffix();
        if ((litres ? quantity.tonnes() : quantity.litres()) != null) {
            errors.add(
                    other,
                    litres ? "reduction.fuel.measured-in-litres" : "reduction.fuel.measured-in-tonnes",
                    factor.fuel(),
                    lastField(expected));
            return;
        }
        BigDecimal value = litres ? quantity.litres() : quantity.tonnes();
        if (value == null) {
            errors.add(
                    expected,
                    litres ? "reduction.fuel.litres.required" : "reduction.fuel.tonnes.required",
                    factor.fuel(),
                    burnt);
        } else {
            numbers.nonNegative(expected, value, true);
        }
    }

    /** A factor of zero or more, refused above {@code max} with the message {@code tooLarge} (max, value). */
    private void factor(String field, BigDecimal value, BigDecimal max, String tooLarge) {
        numbers.nonNegative(path + field, value, true);
        if (value != null && value.compareTo(max) > 0) {
            errors.add(path + field, tooLarge, max.toPlainString(), value.toPlainString());
        }
    }

    /** A factor's source, required with the message {@code required}, which gives an example. */
    private void source(String field, String source, String required) {
        if (source == null || source.isBlank()) {
            errors.add(path + field, required);
        } else if (source.length() > MAX_SOURCE_CHARACTERS) {
            errors.add(
                    path + field,
                    "reduction.source.too-long",
                    Integer.toString(MAX_SOURCE_CHARACTERS),
                    Integer.toString(source.length()));
        }
    }

    private static String lastField(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
