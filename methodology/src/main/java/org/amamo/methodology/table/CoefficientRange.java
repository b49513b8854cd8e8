package org.amamo.methodology.table;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The published uncertainty of a default coefficient, in t-CO2/ha/yr: the range its source gives, or, when the
 * source gives none, the statement saying so (then {@code low} and {@code high} are null and the coefficient is
 * held fixed in the Monte Carlo band).
 *
 * @param low    lower end of the range, or {@code null} when none is published
 * @param high   upper end of the range, or {@code null} when none is published
 * @param source where the range comes from, or why there is none
 */
public record CoefficientRange(BigDecimal low, BigDecimal high, String source) {

    /** Both ends or neither, in order, and always a source. */
    public CoefficientRange {
        Objects.requireNonNull(source, "source");
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("a range has both ends or neither");
        }
        if (low != null && (low.signum() < 0 || low.compareTo(high) > 0)) {
            throw new IllegalArgumentException(
                    "a range runs from zero or more up to its high end: " + low + ".." + high);
        }
    }

    /**
     * Whether the source publishes a range.
     *
     * @return true when both ends are known
     */
    public boolean published() {
        return low != null;
    }
}
