package org.amamo.methodology.calculation;

import java.time.LocalDate;
import java.time.Month;

/**
 * Crediting-period rules of seed 003 section 2.1: a crediting year runs from its start to the day before
 * the same date one year later, and the first year starts no more than five years before the application.
 */
public final class CreditingPeriod {

    /** How far back the first crediting year may start, in years before the application date. */
    public static final int RETROACTIVE_LIMIT_YEARS = 5;

    private CreditingPeriod() {}

    /**
     * The first day of the following crediting year: the same date one year later. A year starting on
     * 29 February runs to 28 February, since the same date does not exist the year after (decision).
     *
     * @param start first day of a crediting year
     * @return first day of the next one
     */
    public static LocalDate nextStart(LocalDate start) {
        if (start.getMonth() == Month.FEBRUARY && start.getDayOfMonth() == 29) {
            return LocalDate.of(start.getYear() + 1, Month.MARCH, 1);
        }
        return start.plusYears(1);
    }

    /**
     * The last day of a crediting year.
     *
     * @param start first day
     * @return the day before the next year's start, e.g. 2024-03-31 for 2023-04-01
     */
    public static LocalDate end(LocalDate start) {
        return nextStart(start).minusDays(1);
    }

    /**
     * The earliest day a crediting year may start for an application on the given date.
     *
     * @param applicationDate date of the application
     * @return the application date minus five years
     */
    public static LocalDate earliestStart(LocalDate applicationDate) {
        return applicationDate.minusYears(RETROACTIVE_LIMIT_YEARS);
    }
}
