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
    /** Certainty of a farm or rope component. */
    CERTAINTY("certainty", Domain.FRACTION);

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
