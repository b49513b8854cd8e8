package org.amamo.methodology.table;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The CO2 emission factor of a vessel fuel, as published in a methodology version.
 *
 * @param fuel                  key used in sheets, e.g. {@code gasoline}
 * @param nameJa                Japanese name, e.g. 軽油
 * @param tonnesCo2PerKilolitre factor in t-CO2/kL
 * @param source                where the figure comes from
 */
public record EmissionFactor(String fuel, String nameJa, BigDecimal tonnesCo2PerKilolitre, String source) {

    /** Requires every part, since a factor without its source may not be published. */
    public EmissionFactor {
        Objects.requireNonNull(fuel, "fuel");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(tonnesCo2PerKilolitre, "tonnesCo2PerKilolitre");
        Objects.requireNonNull(source, "source");
    }
}
