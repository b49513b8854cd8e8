package org.amamo.methodology.geometry;

import java.math.BigDecimal;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.amamo.methodology.Verdict;

/**
 * Geodesic areas on the WGS84 ellipsoid with GeographicLib: polygon edges are geodesics, holes are
 * subtracted. Accurate to about a square millimetre for site-sized polygons.
 */
public final class GeodesicArea {

    private static final int SQUARE_METRES_PER_HECTARE_EXPONENT = 4;

    private GeodesicArea() {}

    /**
     * The area of a validated site geometry.
     *
     * @param site the site
     * @return the area in hectares
     */
    public static BigDecimal hectares(SiteGeometry site) {
        double squareMetres = 0;
        for (SitePolygon polygon : site.polygons()) {
            squareMetres += squareMetres(polygon);
        }
        return BigDecimal.valueOf(squareMetres).movePointLeft(SQUARE_METRES_PER_HECTARE_EXPONENT);
    }

    /**
     * Reads a GeoJSON site (Polygon, MultiPolygon, Feature or FeatureCollection) and returns its area.
     *
     * @param geoJson the GeoJSON text
     * @return the area in hectares, or the errors of the geometry
     */
    public static Verdict<BigDecimal> hectares(String geoJson) {
        return GeoJsonSites.parse(geoJson).map(GeodesicArea::hectares);
    }

    static double squareMetres(SitePolygon polygon) {
        List<List<Position>> rings = polygon.rings();
        double area = Math.abs(ringSquareMetres(rings.get(0)));
        for (int hole = 1; hole < rings.size(); hole++) {
            area -= Math.abs(ringSquareMetres(rings.get(hole)));
        }
        return area;
    }

    /** The signed area of a closed ring (counter-clockwise positive); the closing position is skipped. */
    static double ringSquareMetres(List<Position> ring) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        for (int i = 0; i < ring.size() - 1; i++) {
            area.AddPoint(ring.get(i).latitude(), ring.get(i).longitude());
        }
        PolygonResult result = area.Compute(false, true);
        return result.area;
    }
}
