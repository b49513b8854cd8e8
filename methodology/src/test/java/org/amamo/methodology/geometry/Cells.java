package org.amamo.methodology.geometry;

import java.util.ArrayList;
import java.util.List;

/** Fixtures: latitude/longitude cells and their closed-form ellipsoidal areas. */
final class Cells {

    static final double A = 6378137.0;
    static final double F = 1 / 298.257223563;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);
    static final double B2 = A * A * (1 - E2);

    private Cells() {}

    /**
     * Closed-form area of the cell between two parallels and two meridians on the WGS84 ellipsoid, in m²:
     * (dLambda / 2) b² [q(phi2) - q(phi1)] with q(phi) = sin(phi) / (1 - e² sin²(phi))
     * + ln((1 + e sin(phi)) / (1 - e sin(phi))) / (2e), the authalic-latitude integral.
     */
    static double closedFormSquareMetres(double west, double south, double size) {
        double dLambda = Math.toRadians(size);
        return dLambda / 2 * B2 * (q(Math.toRadians(south + size)) - q(Math.toRadians(south)));
    }

    private static double q(double phi) {
        double s = Math.sin(phi);
        return s / (1 - E2 * s * s) + Math.log((1 + E * s) / (1 - E * s)) / (2 * E);
    }

    /** A cell counter-clockwise, with each parallel split into {@code steps} edges (meridians are geodesics). */
    static List<Position> cell(double west, double south, double size, int steps) {
        return normalise(west, south, size, steps);
    }

    private static List<Position> normalise(double west, double south, double size, int steps) {
        List<Position> ring = new ArrayList<>();
        double north = south + size;
        double east = west + size;
        for (int i = 0; i <= steps; i++) {
            ring.add(new Position(west + size * i / steps, south));
        }
        for (int i = 0; i <= steps; i++) {
            ring.add(new Position(east - size * i / steps, north));
        }
        ring.add(new Position(west, south));
        return ring;
    }

    static SiteGeometry site(List<Position> ring) {
        return SiteGeometry.of(SitePolygon.of(ring));
    }

    static String geoJson(List<Position> ring) {
        return GeoJsonSites.write(site(ring));
    }
}
