package org.amamo.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A certified project as the public sees it: what was certified, where, when, with which methodology.
 *
 * @param applicationId      the certified application (its public page is /applications/{id})
 * @param projectCode        four-digit project code, as in serial numbers
 * @param certifiedUnits     certified credit in units of 0.1 t-CO2
 * @param siteAreaHectares   geodesic area of the site drawn on the map, or null
 * @param siteGeojson        the site (WGS84 GeoJSON), or null
 * @param ecosystems         the ecosystems of the target plants (seagrass, seaweed, ...)
 * @param certifiedFiscalYear the fiscal year (from 1 April) in which it was certified
 * @param prefecture         the prefecture's JIS X 0401 code ({@code 14} is Kanagawa), names in the bundles
 *                           ({@code prefecture.14}); text entered before prefectures were chosen from a list stays
 * @param creditType         {@code removal} or {@code reduction}, as the certified sheet
 * @param methods            the component methods of the certified sheet (area, reduction-fuel-switch ...)
 * @param programmeCode      the programme the project was certified in (JBC, YBC ...)
 * @param implementer        the implementer (実施者): the representative applicant's organisation, or their name
 *                           when they registered as an individual
 * @param quality            the quality record: the rules it was submitted under, the applicant's statements on the
 *                           Core Carbon Principles and the reviewers' assessments
 */
public record CertifiedProject(
        long applicationId,
        String projectCode,
        String name,
        String prefecture,
        long certifiedUnits,
        BigDecimal siteAreaHectares,
        String siteGeojson,
        List<String> ecosystems,
        String methodologyVersion,
        Instant certifiedAt,
        int certifiedFiscalYear,
        String creditType,
        List<String> methods,
        String programmeCode,
        String implementer,
        QualityRecord quality) {

    public CertifiedProject {
        ecosystems = List.copyOf(ecosystems);
        methods = List.copyOf(methods);
    }

    /** The day of certification in Japan (the scheme's calendar), as on the certification record. */
    public java.time.LocalDate certifiedOn() {
        return java.time.LocalDate.ofInstant(certifiedAt, org.amamo.platform.SchemeTime.ZONE);
    }
}
