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
 */
public record CertifiedProject(long applicationId, String projectCode, String name, String prefecture,
        long certifiedUnits, BigDecimal siteAreaHectares, String siteGeojson, List<String> ecosystems,
        String methodologyVersion, Instant certifiedAt, int certifiedFiscalYear) {

    public CertifiedProject {
        ecosystems = List.copyOf(ecosystems);
    }
}
