package org.amamo.methodology.calculation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The numeric inputs of a component, named as in the sheet's JSON. Used to attach an uncertainty to an
 * input and to substitute sampled values for it.
 */
public enum ComponentInput {
    /** Area of the ecosystem, ha. */
    AREA_HA("areaHa", Domain.NON_NEGATIVE),
    /** Absorption coefficient, t-CO2/ha/yr (the table default when the sheet leaves it empty). */
    COEFFICIENT("coefficient", Domain.NON_NEGATIVE),
    /** Certainty of the area. */
    AREA_CERTAINTY("areaCertainty", Domain.FRACTION),
    /** Certainty of the coefficient. */
    COEFFICIENT_CERTAINTY("coefficientCertainty", Domain.FRACTION),
    /** Farmed biomass, t wet weight. */
    BIOMASS_TWW("biomassTww", Domain.NON_NEGATIVE),
    /** Culture-rope length, m. */
    ROPE_LENGTH_M("ropeLengthM", Domain.NON_NEGATIVE),
    /** Yield per metre of rope, kg wet weight per m. */
    YIELD_KG_WW_PER_M("yieldKgWwPerM", Domain.NON_NEGATIVE),
    /** Production to biomass ratio P/B. */
    PB("pb", Domain.NON_NEGATIVE),
    /** Water content, fraction. */
    WATER_CONTENT("waterContent", Domain.FRACTION),
    /** Carbon content of dry weight, fraction. */
    CARBON_CONTENT("carbonContent", Domain.FRACTION),
    /** Residual rate, fraction. */
    RESIDUAL_RATE("residualRate", Domain.FRACTION),
    /** Certainty of a farm, rope or reduction component. */
    CERTAINTY("certainty", Domain.FRACTION),
    /** Liquid fuel the baseline would have burnt, litres. */
    BASELINE_FUEL_LITRES("baselineFuelLitres", Domain.NON_NEGATIVE),
    /** Fuel measured by mass (LNG) the baseline would have burnt, tonnes. */
    BASELINE_FUEL_TONNES("baselineFuelTonnes", Domain.NON_NEGATIVE),
    /** Liquid fuel the project burnt, litres. */
    PROJECT_FUEL_LITRES("projectFuelLitres", Domain.NON_NEGATIVE),
    /** Fuel measured by mass (LNG) the project burnt, tonnes. */
    PROJECT_FUEL_TONNES("projectFuelTonnes", Domain.NON_NEGATIVE),
    /** Electricity the baseline would have used, kWh. */
    BASELINE_ELECTRICITY_KWH("baselineElectricityKwh", Domain.NON_NEGATIVE),
    /** Electricity the project used, kWh. */
    PROJECT_ELECTRICITY_KWH("projectElectricityKwh", Domain.NON_NEGATIVE),
    /** Grid emission factor of the crediting year, t-CO2/kWh. */
    GRID_FACTOR("gridFactorTCo2PerKwh", Domain.NON_NEGATIVE),
    /** Transport avoided, tonne-kilometres. */
    AVOIDED_TONNE_KM("avoidedTonneKm", Domain.NON_NEGATIVE),
    /** Transport emission factor, t-CO2 per tonne-kilometre. */
    TRANSPORT_FACTOR("transportFactorTCo2PerTonneKm", Domain.NON_NEGATIVE);

    /** The range a sampled value is clamped to. */
    public enum Domain {
        /** Zero or more. */
        NON_NEGATIVE,
        /** Between zero and one, inclusive. */
        FRACTION
    }

    private final String jsonName;
    private final Domain domain;

    ComponentInput(String jsonName, Domain domain) {
        this.jsonName = jsonName;
        this.domain = domain;
    }

    /**
     * The field name in the sheet's JSON.
     *
     * @return the JSON name, e.g. {@code areaHa}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The valid range of the input.
     *
     * @return its domain
     */
    public Domain domain() {
        return domain;
    }

    /**
     * Looks an input up by its JSON name.
     *
     * @param jsonName the JSON field name
     * @return the input, or empty
     */
    public static Optional<ComponentInput> byJsonName(String jsonName) {
        return Arrays.stream(values()).filter(i -> i.jsonName.equals(jsonName)).findFirst();
    }
}
