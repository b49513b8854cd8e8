package org.amamo.methodology.table;

/**
 * The unit in which a fuel is measured and its emission factor is published: liquid fuels by volume
 * (t-CO2/kL, quantities entered in litres), LNG by mass (t-CO2/t, quantities entered in tonnes).
 */
public enum FuelUnit {
    /** Kilolitre; sheets enter litres ({@code ...Litres}), divided by 1000 exactly. */
    KILOLITRE("Litres", "litres"),
    /** Tonne; sheets enter tonnes ({@code ...Tonnes}). */
    TONNE("Tonnes", "tonnes");

    private final String fieldSuffix;
    private final String quantityName;

    FuelUnit(String fieldSuffix, String quantityName) {
        this.fieldSuffix = fieldSuffix;
        this.quantityName = quantityName;
    }

    /**
     * The suffix of sheet fields that hold a quantity of such a fuel, e.g. {@code Litres} in
     * {@code baselineFuelLitres}.
     *
     * @return the suffix
     */
    public String fieldSuffix() {
        return fieldSuffix;
    }

    /**
     * The entered quantity's unit in words, for messages.
     *
     * @return {@code litres} or {@code tonnes}
     */
    public String quantityName() {
        return quantityName;
    }
}
