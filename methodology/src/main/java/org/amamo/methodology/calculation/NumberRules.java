package org.amamo.methodology.calculation;

import java.math.BigDecimal;

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
                errors.add(path, "required: a number of zero or more");
            }
            return;
        }
        if (value.signum() < 0) {
            errors.add(path, "must not be negative; got " + value.toPlainString());
        }
    }

    void fraction(String path, BigDecimal value) {
        if (value == null) {
            errors.add(path, "required: a fraction between 0 and 1, e.g. 0.9 for 90%");
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            errors.add(path, "must be between 0 and 1 (a fraction, e.g. 0.9 for 90%); got " + value.toPlainString());
        }
    }

    void certainty(String path, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            errors.add(path, "must be greater than 0 and at most 1 (e.g. 0.90), or left empty until the review "
                    + "committee scores it; got " + value.toPlainString());
            return;
        }
        atMostTwoDecimals(path, value);
    }

    void atMostTwoDecimals(String path, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > MAX_FACTOR_DECIMALS) {
            errors.add(path, "has more than " + MAX_FACTOR_DECIMALS + " decimals; enter at most "
                    + MAX_FACTOR_DECIMALS + ", e.g. " + value.setScale(MAX_FACTOR_DECIMALS,
                    java.math.RoundingMode.HALF_UP).toPlainString() + "; got " + value.toPlainString());
        }
    }
}
