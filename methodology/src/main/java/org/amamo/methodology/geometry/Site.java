package org.amamo.methodology.geometry;

import java.util.Objects;

/**
 * An existing site with its id, for overlap checks.
 *
 * @param id       the site's id (e.g. a project or application id)
 * @param geometry its validated geometry
 */
public record Site(String id, SiteGeometry geometry) {

    /** Requires both parts. */
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
    }
}
