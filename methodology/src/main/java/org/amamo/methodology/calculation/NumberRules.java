package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The number rules of methodology.md section 5, each adding at most one message per field. */
final class NumberRules {

    /** Coefficients and certainties are entered with at most two decimals (seed 003). */
    static final int MAX_FACTOR_DECIMALS = 2;

    private final ErrorList errors;

    NumberRules(ErrorList errors) {
        this.errors = errors;
    }

    void nonNegative(String path, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(path, "number.required");
            }
            return;
        }
        if (value.signum() < 0) {
            errors.add(path, "number.negative", value.toPlainString());
        }
    }

    void fraction(String path, BigDecimal value) {
        if (value == null) {
            errors.add(path, "number.fraction.required");
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            errors.add(path, "number.fraction.out-of-range", value.toPlainString());
        }
    }

    void certainty(String path, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            errors.add(path, "number.certainty.out-of-range", value.toPlainString());
            return;
        }
        atMostTwoDecimals(path, value);
    }

    void atMostTwoDecimals(String path, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > MAX_FACTOR_DECIMALS) {
            errors.add(
                    path,
                    "number.too-many-decimals",
                    Integer.toString(MAX_FACTOR_DECIMALS),
                    value.setScale(MAX_FACTOR_DECIMALS, RoundingMode.HALF_UP).toPlainString(),
                    value.toPlainString());
        }
    }
}
