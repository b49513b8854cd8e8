package org.amamo.methodology.geometry;

import java.util.List;

/**
 * The geometry of a site: one or more polygons (a GeoJSON Polygon or MultiPolygon) in WGS84. Obtain a
 * validated one from {@link GeoJsonSites#parse} or {@link SurveyTrackImport}; one built by hand can be
 * checked with {@link GeoJsonSites#validate}.
 *
 * @param polygons the polygons, which must not overlap one another
 */
public record SiteGeometry(List<SitePolygon> polygons) {

    /** Copies the polygons. */
    public SiteGeometry {
        polygons = List.copyOf(polygons);
    }

    /**
     * A site of one polygon.
     *
     * @param polygon the polygon
     * @return the site geometry
     */
    public static SiteGeometry of(SitePolygon polygon) {
        return new SiteGeometry(List.of(polygon));
    }
}
