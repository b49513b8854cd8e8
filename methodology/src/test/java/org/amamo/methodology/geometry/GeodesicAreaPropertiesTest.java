package org.amamo.methodology.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** The geodesic area of a polygon equals the sum of the areas of its pieces split along a meridian. */
class GeodesicAreaPropertiesTest {

    @Property(tries = 200)
    void areaOfPolygonIsSumOfItsPiecesSplitAlongAMeridian(
            @ForAll @DoubleRange(min = 122, max = 150) double meridian,
            @ForAll @DoubleRange(min = 24, max = 46) double centreLatitude,
            @ForAll @DoubleRange(min = 0.0005, max = 0.05) @net.jqwik.api.constraints.Scale(6) double radiusDegrees,
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 0.02, max = 0.98) Double> eastFractions,
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 0.02, max = 0.98) Double> westFractions,
            @ForAll @DoubleRange(min = 0.3, max = 1) double radiusScale) {
        // A star-shaped polygon around a point on the meridian; its two vertices on the meridian split it,
        // and the meridian between them is a geodesic, so the pieces partition the polygon exactly.
        Position north = new Position(meridian, centreLatitude + radiusDegrees);
        Position south = new Position(meridian, centreLatitude - radiusDegrees * radiusScale);
        List<Position> east = chain(meridian, centreLatitude, radiusDegrees, radiusScale, eastFractions, -90);
        List<Position> west = chain(meridian, centreLatitude, radiusDegrees, radiusScale, westFractions, 90);

        double whole = hectares(ring(south, east, north, west, south));
        double eastPiece = hectares(ring(south, east, north, List.of(), south));
        double westPiece = hectares(ring(north, west, south, List.of(), north));

        assertThat(eastPiece + westPiece).isCloseTo(whole, within(whole * 1e-9 + 1e-9));
    }

    /** Points at increasing angles from {@code startDegrees} over half a turn, so the ring stays simple. */
    private static List<Position> chain(
            double lon, double lat, double radius, double scale, List<Double> fractions, double startDegrees) {
        List<Position> chain = new ArrayList<>();
        int i = 0;
        for (double fraction : new TreeSet<>(fractions)) {
            double angle = Math.toRadians(startDegrees + 180 * fraction);
            double r = radius * (i++ % 2 == 0 ? 1 : scale);
            chain.add(
                    new Position(lon + r * Math.cos(angle) / Math.cos(Math.toRadians(lat)), lat + r * Math.sin(angle)));
        }
        return chain;
    }

    private static List<Position> ring(
            Position start, List<Position> first, Position middle, List<Position> second, Position end) {
        List<Position> ring = new ArrayList<>();
        ring.add(start);
        ring.addAll(first);
        ring.add(middle);
        ring.addAll(second);
        ring.add(end);
        return ring;
    }

    private static double hectares(List<Position> ring) {
        SiteGeometry site = Cells.site(ring);
        assertThat(GeoJsonSites.validate(site)).isEmpty();
        return GeodesicArea.hectares(site).doubleValue();
    }
}
