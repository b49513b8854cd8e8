package org.amamo.methodology.calculation;

import java.math.BigDecimal;
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
        if (component instanceof FuelSwitchComponent fuelSwitch) {
            fuel("baseline", fuelSwitch.baseline(), "the baseline vessel would have burnt for the same work");
            fuel("project", fuelSwitch.project(), "the project vessel burnt");
        } else if (component instanceof ElectricityComponent electricity) {
            electricity(electricity);
        } else if (component instanceof TransportComponent transport) {
            numbers.nonNegative(path + ".avoidedTonneKm", transport.avoidedTonneKilometres(), true);
            factor(".transportFactorTCo2PerTonneKm", transport.transportFactorTonnesCo2PerTonneKm(),
                    MAX_TRANSPORT_FACTOR_TONNES_CO2_PER_TONNE_KM, "t-CO2 per t-km",
                    "enter t-CO2 per t-km, not kg-CO2 per t-km (0.2 kg is 0.0002 t)");
            source(".transportFactorSource", transport.transportFactorSource(),
                    "e.g. the published factor for the mode of transport avoided");
        }
    }

    private void electricity(ElectricityComponent electricity) {
        boolean byElectricity = electricity.baselineElectricityKwh() != null;
        boolean byFuel = !electricity.baselineFuel().isEmpty();
        if (byElectricity && byFuel) {
            errors.add(path + ".baselineFuel", "give the baseline either as baselineElectricityKwh or as "
                    + "baselineFuel with its quantity, not both");
        } else if (byFuel) {
            fuel("baseline", electricity.baselineFuel(), "the baseline would have burnt for the same heat or work");
        } else if (byElectricity) {
            numbers.nonNegative(path + ".baselineElectricityKwh", electricity.baselineElectricityKwh(), true);
        } else {
            errors.add(path + ".baselineElectricityKwh", "required: the energy the baseline would have used, as "
                    + "baselineElectricityKwh, or as baselineFuel with baselineFuelLitres "
                    + "(baselineFuelTonnes for lng)");
        }
        numbers.nonNegative(path + ".projectElectricityKwh", electricity.projectElectricityKwh(), true);
        factor(".gridFactorTCo2PerKwh", electricity.gridFactorTonnesCo2PerKwh(), MAX_GRID_FACTOR_TONNES_CO2_PER_KWH,
                "t-CO2/kWh", "enter t-CO2/kWh, not kg-CO2/kWh (0.441 kg-CO2/kWh is 0.000441 t-CO2/kWh)");
        source(".gridFactorSource", electricity.gridFactorSource(),
                "e.g. the utility's published emission factor for the crediting year");
    }

    /** A fuel and its quantity, in the unit of the table's factor: {@code <prefix>FuelLitres} or {@code ...Tonnes}. */
    private void fuel(String prefix, FuelQuantity quantity, String burnt) {
        String fuelPath = path + "." + prefix + "Fuel";
        String known = String.join(", ", keys.fuels());
        EmissionFactor factor = quantity.fuel() == null ? null : keys.emissionFactor(quantity.fuel()).orElse(null);
        if (quantity.fuel() == null) {
            errors.add(fuelPath, "required: the fuel " + burnt + ", one of " + known);
        } else if (factor == null) {
            errors.add(fuelPath, "unknown fuel \"" + quantity.fuel() + "\"; use one of " + known);
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
            errors.add(other, factor.fuel() + " is measured in " + factor.unit().quantityName() + ": enter "
                    + lastField(expected) + " instead");
            return;
        }
        BigDecimal value = litres ? quantity.litres() : quantity.tonnes();
        if (value == null) {
            errors.add(expected, "required: the " + factor.unit().quantityName() + " of " + factor.fuel() + " "
                    + burnt);
        } else {
            numbers.nonNegative(expected, value, true);
        }
    }

    private void factor(String field, BigDecimal value, BigDecimal max, String unit, String hint) {
        numbers.nonNegative(path + field, value, true);
        if (value != null && value.compareTo(max) > 0) {
            errors.add(path + field, "is above " + max.toPlainString() + " " + unit + ", more than any real factor; "
                    + hint + "; got " + value.toPlainString());
        }
    }

    private void source(String field, String source, String example) {
        if (source == null || source.isBlank()) {
            errors.add(path + field, "required: where the factor comes from, " + example);
        } else if (source.length() > MAX_SOURCE_CHARACTERS) {
            errors.add(path + field, "at most " + MAX_SOURCE_CHARACTERS + " characters; got " + source.length());
        }
    }

    private static String lastField(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
