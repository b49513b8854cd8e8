package org.amamo.registry;

import java.util.List;

/**
 * Retired credits summed for public statistics (offset usage, seed 001's usage table): how much of each programme
 * was retired, in which fiscal year, for what purpose, of which credit type and from which project. Other modules
 * read the registry's retirements only through this interface.
 *
 * <p>The fiscal year is Japan's, April to March, of the retirement's date in Japan (Asia/Tokyo): a retirement at
 * 2025-03-31 23:59 JST counts in fiscal 2024, one at 2025-04-01 00:00 JST in fiscal 2025. It is the year the credits
 * were retired, not the reporting year the retirer claims them for.
 */
public interface RetirementStatistics {

    /** Every group with retired units, ordered by fiscal year, programme prefix, purpose, credit type, project. */
    List<RetiredUnits> retired();

    /**
     * Units (0.1 t-CO2) retired in one group. A retirement that drew on several batches counts in the group of each.
     *
     * @param programmePrefix the batches' serial prefix (JBC, YBC ...)
     * @param fiscalYear      Japanese fiscal year of the retirement date in Asia/Tokyo
     * @param purpose         why it was retired: {@code EVENT}, {@code CORPORATE}, {@code PRODUCT},
     *                        {@code INDIVIDUAL} or {@code OTHER}
     * @param creditType      the batches' credit type
     * @param projectCode     the batches' project code
     * @param units           units retired
     */
    record RetiredUnits(
            String programmePrefix,
            int fiscalYear,
            String purpose,
            CreditType creditType,
            String projectCode,
            long units) {}

    /**
     * Who retired credits (seed 001's users per year): each distinct beneficiary per fiscal year, programme prefix and
     * purpose, ordered by fiscal year. The beneficiary is as the retirement record names it; the disclosure counts
     * names once regardless of surrounding spaces and letter case.
     */
    List<Beneficiary> beneficiaries();

    /**
     * A beneficiary of the retirements of one group (a retirement that drew on several programmes' batches names its
     * beneficiary in each).
     */
    record Beneficiary(String programmePrefix, int fiscalYear, String purpose, String beneficiary) {}
}
