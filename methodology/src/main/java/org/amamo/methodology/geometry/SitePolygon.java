package org.amamo.methodology.geometry;

import java.util.List;

/**
 * A polygon of a site: the outer ring first, then holes. Each ring is closed (first position repeated
 * as the last), as in GeoJSON.
 *
 * @param rings outer ring, then holes
 */
public record SitePolygon(List<List<Position>> rings) {

    /** Copies the rings deeply so that the polygon cannot change. */
    public SitePolygon {
        rings = rings.stream().map(List::copyOf).toList();
    }

    /**
     * A polygon without holes.
     *
     * @param outerRing the closed outer ring
     * @return the polygon
     */
    public static SitePolygon of(List<Position> outerRing) {
        return new SitePolygon(List.of(outerRing));
    }
}
