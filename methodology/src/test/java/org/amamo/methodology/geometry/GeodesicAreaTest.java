package org.amamo.methodology.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Geodesic areas against independent closed-form ellipsoidal areas of latitude/longitude cells. A cell
 * is bounded by parallels, which are not geodesics, so the comparison uses cells of 0.1 degree or less
 * (difference about 2.6e-7 relative) or densified parallels (methodology.md section 6).
 */
class GeodesicAreaTest {

    private static final double RELATIVE_TOLERANCE = 1e-6;

    @ParameterizedTest(name = "cell at {0}E {1}N of {2} degrees, parallels in {3} edges")
    @CsvSource({
        "0, 0, 0.1, 1",
        "0, 0, 0.01, 1",
        "139.6, 35.0, 0.1, 1",
        "139.6, 35.0, 0.01, 1",
        "0, 0, 1, 100",
        "139.0, 35.0, 1, 100",
        "140.0, -0.05, 0.1, 1"
    })
    void matchesClosedFormAreaOfCell(double west, double south, double size, int steps) {
        double expected = Cells.closedFormSquareMetres(west, south, size);

        double actual = GeodesicArea.hectares(Cells.site(Cells.cell(west, south, size, steps)))
                        .doubleValue()
                * 1e4;

        assertThat(actual).isCloseTo(expected, within(expected * RELATIVE_TOLERANCE));
    }

    @Test
    void undensifiedOneDegreeCellDiffersByTheDocumentedAmount() {
        // methodology.md section 6: 2.6e-5 relative for a 1-degree cell at the equator.
        double expected = Cells.closedFormSquareMetres(0, 0, 1);
        double actual =
                GeodesicArea.hectares(Cells.site(Cells.cell(0, 0, 1, 1))).doubleValue() * 1e4;

        assertThat(Math.abs(actual - expected) / expected).isBetween(1e-5, 5e-5);
    }

    @Test
    void isIndependentOfRingOrientation() {
        List<Position> ring = new ArrayList<>(Cells.cell(139.6, 35.4, 0.01, 1));
        double counterClockwise = GeodesicArea.hectares(Cells.site(ring)).doubleValue();
        Collections.reverse(ring);

        assertThat(GeodesicArea.hectares(Cells.site(ring)).doubleValue()).isCloseTo(counterClockwise, within(1e-9));
    }

    @Test
    void subtractsHoles() {
        List<Position> outer = Cells.cell(139.6, 35.4, 0.02, 1);
        List<Position> hole = Cells.cell(139.605, 35.405, 0.01, 1);
        double outerHa = GeodesicArea.hectares(Cells.site(outer)).doubleValue();
        double holeHa = GeodesicArea.hectares(Cells.site(hole)).doubleValue();

        double withHole = GeodesicArea.hectares(SiteGeometry.of(new SitePolygon(List.of(outer, hole))))
                .doubleValue();

        assertThat(withHole).isCloseTo(outerHa - holeHa, within(1e-9));
    }

    @Test
    void readsFeatureCollectionOfMultiPolygonsWithHoles() {
        String json = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [
                    [[[139.6, 35.4], [139.62, 35.4], [139.62, 35.42], [139.6, 35.42], [139.6, 35.4]],
                     [[139.605, 35.405], [139.615, 35.405], [139.615, 35.415], [139.605, 35.415], [139.605, 35.405]]],
                    [[[139.7, 35.4], [139.71, 35.4], [139.71, 35.41], [139.7, 35.41], [139.7, 35.4]]]]}},
                  {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates":
                    [[[139.8, 35.4], [139.81, 35.4], [139.81, 35.41], [139.8, 35.41], [139.8, 35.4]]]}}]}""";
        double expected = (Cells.closedFormSquareMetres(139.6, 35.4, 0.02)
                        - Cells.closedFormSquareMetres(0, 35.405, 0.01)
                        + Cells.closedFormSquareMetres(0, 35.4, 0.01) * 2)
                / 1e4;

        double actual = GeodesicArea.hectares(json).orElseThrow().doubleValue();

        assertThat(actual).isCloseTo(expected, within(expected * RELATIVE_TOLERANCE));
    }

    @Test
    void eelgrassSizedSiteIsAboutSevenPointEightHectares() {
        // A 280 m x 280 m square near Umi no Koen, Yokohama: 7.84 ha.
        double dLat = 280 / 110_950.0;
        double dLon = 280 / (111_320.0 * Math.cos(Math.toRadians(35.34)));
        String json = Cells.geoJson(List.of(
                new Position(139.63, 35.34),
                new Position(139.63 + dLon, 35.34),
                new Position(139.63 + dLon, 35.34 + dLat),
                new Position(139.63, 35.34 + dLat),
                new Position(139.63, 35.34)));

        assertThat(GeodesicArea.hectares(json).orElseThrow().doubleValue()).isCloseTo(7.84, within(0.02));
    }
}
