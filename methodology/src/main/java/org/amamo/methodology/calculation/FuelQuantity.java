package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * A quantity of fuel burnt, in the unit the version's table publishes its factor for: litres of a liquid
 * fuel (gasoline, diesel, heavy oil A) or tonnes of LNG. Exactly one of the two quantities is given;
 * validation reports the other cases.
 *
 * @param fuel   fuel key of the methodology table, e.g. {@code diesel} or {@code lng}
 * @param litres litres burnt (liquid fuels), or {@code null}
 * @param tonnes tonnes burnt (LNG), or {@code null}
 */
public record FuelQuantity(String fuel, BigDecimal litres, BigDecimal tonnes) {

    /**
     * Litres of a liquid fuel.
     *
     * @param fuel   fuel key
     * @param litres litres burnt
     * @return the quantity
     */
    public static FuelQuantity litres(String fuel, BigDecimal litres) {
        return new FuelQuantity(fuel, litres, null);
    }

    /**
     * Tonnes of a fuel measured by mass (LNG).
     *
     * @param fuel   fuel key
     * @param tonnes tonnes burnt
     * @return the quantity
     */
    public static FuelQuantity tonnes(String fuel, BigDecimal tonnes) {
        return new FuelQuantity(fuel, null, tonnes);
    }

    /** Whether nothing at all was entered (the electricity method's baseline may be electricity instead). */
    boolean isEmpty() {
        return fuel == null && litres == null && tonnes == null;
    }
}
