package org.amamo.methodology.geometry;

/**
 * A WGS84 position in degrees. Coordinates are doubles, as in GeoJSON and GeographicLib; areas derived
 * from them are returned as {@link java.math.BigDecimal}.
 *
 * @param longitude degrees east, -180 to 180
 * @param latitude  degrees north, -90 to 90
 */
public record Position(double longitude, double latitude) {

    /**
     * The position as {@code (longitude, latitude)}, for messages.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "(" + longitude + ", " + latitude + ")";
    }
}
