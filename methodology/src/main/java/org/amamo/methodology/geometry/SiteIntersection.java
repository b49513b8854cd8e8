package org.amamo.methodology.geometry;

import java.math.BigDecimal;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The area two sites have in common: its geometry (to draw) and its geodesic area in hectares. Computed with
 * JTS's robust overlay, like {@link OverlapIndex}; sites that merely touch have no intersection.
 *
 * @param common the shared area
 * @param hectares its geodesic area, greater than zero
 */
public record SiteIntersection(SiteGeometry common, BigDecimal hectares) {

    /**
     * The intersection of two validated sites.
     *
     * @param first a site
     * @param second another site
     * @return the intersection, or empty when the sites do not overlap (or only touch)
     */
    public static Optional<SiteIntersection> of(SiteGeometry first, SiteGeometry second) {
        if (!SiteBounds.of(first).meets(SiteBounds.of(second))) {
            return Optional.empty();
        }
        Geometry a = Jts.geometry(first);
        Geometry b = Jts.geometry(second);
        if (!a.intersects(b)) {
            return Optional.empty();
        }
        SiteGeometry common = Jts.site(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
        if (common.polygons().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal hectares = GeodesicArea.hectares(common);
        return hectares.signum() > 0 ? Optional.of(new SiteIntersection(common, hectares)) : Optional.empty();
    }
}
