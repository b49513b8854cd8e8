package org.amamo.application;

import java.util.List;

/**
 * An application was certified: the registry should issue {@code units} (0.1 t-CO2 each) of the given
 * vintage to the initial holders by their shares. Carries ids and figures only, frozen at certification.
 *
 * @param applicationId      the certified application
 * @param projectId          its project
 * @param projectCode        the project's four-digit public code, part of every serial number
 * @param projectName        the project's name as certified
 * @param programmePrefix    the serial prefix of the programme that certified it (JBC, YBC ...)
 * @param certifier          who certified it, as named on retirement records
 * @param vintage            the crediting year the credits belong to (fiscal year of its start)
 * @param methodologyVersion the methodology table the certified figure was computed with
 * @param creditType         {@code removal} or {@code reduction}
 * @param units              certified credit in units of 0.1 t-CO2, at least 1
 * @param holders            initial holders, shares in percent with at most 2 decimals, summing to 100
 */
public record ApplicationCertified(
        long applicationId,
        long projectId,
        String projectCode,
        String projectName,
        String programmePrefix,
        String certifier,
        int vintage,
        String methodologyVersion,
        String creditType,
        long units,
        List<InitialHolder> holders) {

    public ApplicationCertified {
        holders = List.copyOf(holders);
    }

    /** Japan's fiscal year starts on 1 April: 2024-03-31 belongs to fiscal 2023. */
    public static int fiscalYear(java.time.LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** One initial holder (当初保有者): a registered user and the share of the credits they receive. */
    public record InitialHolder(long userId, String name, java.math.BigDecimal sharePercent) {}
}
