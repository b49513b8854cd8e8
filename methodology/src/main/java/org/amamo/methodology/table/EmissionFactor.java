package org.amamo.methodology.table;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The CO2 emission factor of a fuel, as published in a methodology version.
 *
 * @param fuel             key used in sheets, e.g. {@code gasoline}
 * @param nameJa           Japanese name, e.g. 軽油
 * @param unit             what the factor is per: a kilolitre for liquid fuels, a tonne for LNG
 * @param tonnesCo2PerUnit factor in t-CO2 per {@code unit}
 * @param source           where the figure comes from
 */
public record EmissionFactor(String fuel, String nameJa, FuelUnit unit, BigDecimal tonnesCo2PerUnit, String source) {

    /** Requires every part, since a factor without its source may not be published. */
    public EmissionFactor {
        Objects.requireNonNull(fuel, "fuel");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(tonnesCo2PerUnit, "tonnesCo2PerUnit");
        Objects.requireNonNull(source, "source");
    }

    /**
     * A liquid fuel's factor in t-CO2/kL.
     *
     * @param fuel                  fuel key
     * @param nameJa                Japanese name
     * @param tonnesCo2PerKilolitre factor in t-CO2/kL
     * @param source                where the figure comes from
     */
    public EmissionFactor(String fuel, String nameJa, BigDecimal tonnesCo2PerKilolitre, String source) {
        this(fuel, nameJa, FuelUnit.KILOLITRE, tonnesCo2PerKilolitre, source);
    }

    /**
     * The factor of a liquid fuel in t-CO2/kL, as vessel entries need it.
     *
     * @return the factor
     * @throws IllegalStateException when the fuel is measured by mass (a programmer error: vessel fuels are
     *                               validated to be liquid)
     */
    public BigDecimal tonnesCo2PerKilolitre() {
        if (unit != FuelUnit.KILOLITRE) {
            throw new IllegalStateException(fuel + " is measured in " + unit.quantityName() + ", not litres");
        }
        return tonnesCo2PerUnit;
    }
}
