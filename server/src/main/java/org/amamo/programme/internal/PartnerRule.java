package org.amamo.programme.internal;

import java.time.LocalDate;
import java.time.Month;

/**
 * The partner municipalities' application deadline (seed 001 table 4): 「最新の情報交換日の翌年度末まで」, the end of the
 * fiscal year (April to March) after the one in which the latest information exchange took place.
 */
final class PartnerRule {

    private PartnerRule() {}

    /** The last day a municipality whose latest information exchange was on {@code exchangedOn} may apply. */
    static LocalDate deadline(LocalDate exchangedOn) {
        int fiscalYear = exchangedOn.getMonthValue() >= 4 ? exchangedOn.getYear() : exchangedOn.getYear() - 1;
        return LocalDate.of(fiscalYear + 2, Month.MARCH, 31);
    }

    /**
     * Whether the text is a municipality code (全国地方公共団体コード): six digits, the last a check digit over the
     * first five with weights 6, 5, 4, 3, 2 (the ones digit of 11 minus the remainder of the sum by 11).
     */
    static boolean validCode(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        int sum = 0;
        for (int index = 0; index < 5; index++) {
            sum += (code.charAt(index) - '0') * (6 - index);
        }
        return (11 - sum % 11) % 10 == code.charAt(5) - '0';
    }
}
