package org.amamo.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What a retirement record discloses of the certified application its credits came from (seed 004 figure 12): the
 * monitoring period, the region, the kind of credit and the co-benefits.
 *
 * @param applicationId   the certified application
 * @param monitoringStart the first day of its first crediting year, or null when the sheet names none
 * @param monitoringEnd   the last day of its last crediting year (a year is a year long), or null
 * @param prefecture      the prefecture's JIS X 0401 code (names in the bundles as {@code prefecture.14})
 * @param municipality    the municipality (市区町村) the applicant stated, or null
 * @param creditType      {@code removal} or {@code reduction}, as the certified sheet
 * @param ecosystems      the ecosystems of the target plants (seagrass, seaweed ...), none for a reduction
 * @param coBenefits      the co-benefits the applicant stated (biodiversity, water-quality ...), maybe none
 */
public record ProjectFacts(
        long applicationId,
        LocalDate monitoringStart,
        LocalDate monitoringEnd,
        String prefecture,
        String municipality,
        String creditType,
        List<String> ecosystems,
        List<String> coBenefits) {

    public ProjectFacts {
        ecosystems = List.copyOf(ecosystems);
        coBenefits = List.copyOf(coBenefits);
    }
}
