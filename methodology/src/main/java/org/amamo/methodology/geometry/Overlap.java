package org.amamo.methodology.geometry;

import java.math.BigDecimal;

/**
 * An existing site that a new site overlaps, and by how much.
 *
 * @param siteId          id of the existing site
 * @param overlapHectares geodesic area of the intersection, ha (greater than zero)
 */
public record Overlap(String siteId, BigDecimal overlapHectares) {}
