package org.amamo.methodology.geometry;

/**
 * Where a polygon came from in the input, for error messages.
 *
 * @param label human-readable name, e.g. {@code polygon 1} or {@code feature 2, polygon 0}
 * @param path  path of the polygon's ring array, e.g. {@code $.coordinates[1]}; ring r is {@code path[r]}
 */
record PolygonLocation(String label, String path) {

    String ringLabel(int ring) {
        return label + ", ring " + ring;
    }

    String ringPath(int ring) {
        return path + "[" + ring + "]";
    }
}
