package org.amamo.methodology.table;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A default absorption coefficient (吸収係数) of one ecosystem, as published in a methodology version.
 *
 * @param ecosystem                  key used in sheets, e.g. {@code seagrass}
 * @param nameJa                     Japanese name, e.g. 海草藻場
 * @param tonnesCo2PerHectarePerYear coefficient in t-CO2/ha/yr
 * @param source                     where the figure comes from
 */
public record Coefficient(String ecosystem, String nameJa, BigDecimal tonnesCo2PerHectarePerYear, String source) {

    /** Requires every part, since a coefficient without its source may not be published. */
    public Coefficient {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(tonnesCo2PerHectarePerYear, "tonnesCo2PerHectarePerYear");
        Objects.requireNonNull(source, "source");
    }
}
