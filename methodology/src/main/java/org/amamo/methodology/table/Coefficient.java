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
 * @param range                      its published uncertainty, or {@code null} in a version published before tables
 *                                   carried ranges
 */
public record Coefficient(
        String ecosystem, String nameJa, BigDecimal tonnesCo2PerHectarePerYear, String source, CoefficientRange range) {

    /**
     * Requires every part but the range, since a coefficient without its source may not be published; a published
     * range contains the coefficient.
     */
    public Coefficient {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(tonnesCo2PerHectarePerYear, "tonnesCo2PerHectarePerYear");
        Objects.requireNonNull(source, "source");
        if (range != null
                && range.published()
                && (tonnesCo2PerHectarePerYear.compareTo(range.low()) < 0
                        || tonnesCo2PerHectarePerYear.compareTo(range.high()) > 0)) {
            throw new IllegalArgumentException(ecosystem + ": the coefficient lies outside its published range");
        }
    }

    /**
     * A coefficient of a version published before tables carried uncertainty ranges.
     *
     * @param ecosystem                  ecosystem key
     * @param nameJa                     Japanese name
     * @param tonnesCo2PerHectarePerYear coefficient in t-CO2/ha/yr
     * @param source                     where the figure comes from
     */
    public Coefficient(String ecosystem, String nameJa, BigDecimal tonnesCo2PerHectarePerYear, String source) {
        this(ecosystem, nameJa, tonnesCo2PerHectarePerYear, source, null);
    }
}
