package org.amamo.methodology.geometry;

import org.locationtech.jts.geom.Envelope;

/**
 * The bounding box of a site in degrees of longitude and latitude (WGS84): what a database index needs to
 * find the sites that may overlap another before testing them exactly.
 *
 * @param minLongitude west edge
 * @param minLatitude south edge
 * @param maxLongitude east edge
 * @param maxLatitude north edge
 */
public record SiteBounds(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {

    /**
     * Requires a box that is not inverted.
     */
    public SiteBounds {
        if (minLongitude > maxLongitude || minLatitude > maxLatitude) {
            throw new IllegalArgumentException("bounds are inverted");
        }
    }

    /**
     * The bounds of a validated site.
     *
     * @param site the site
     * @return its bounding box
     */
    public static SiteBounds of(SiteGeometry site) {
        Envelope envelope = Jts.geometry(site).getEnvelopeInternal();
        return new SiteBounds(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    /**
     * Whether two boxes share at least a point.
     *
     * @param other the other box
     * @return true when they meet
     */
    public boolean meets(SiteBounds other) {
        return minLongitude <= other.maxLongitude
                && other.minLongitude <= maxLongitude
                && minLatitude <= other.maxLatitude
                && other.minLatitude <= maxLatitude;
    }
}
