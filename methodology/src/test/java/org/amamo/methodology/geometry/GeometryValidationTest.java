package org.amamo.methodology.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import org.amamo.methodology.EnglishError;
import org.junit.jupiter.api.Test;

/** Invalid geometry is refused with a message naming the problem and where it is. */
class GeometryValidationTest {

    private static final String SQUARE =
            "[[139.6, 35.4], [139.61, 35.4], [139.61, 35.41], [139.6, 35.41], [139.6, 35.4]]";

    private static EnglishError onlyError(String geoJson) {
        return EnglishError.all(GeodesicArea.hectares(geoJson).errors()).stream()
                .reduce((a, b) -> {
                    throw new AssertionError("more than one error: " + a + ", " + b);
                })
                .orElseThrow(() -> new AssertionError("accepted: " + geoJson));
    }

    private static String multi(String secondRing) {
        return "{\"type\": \"MultiPolygon\", \"coordinates\": [[" + SQUARE + "], [" + secondRing + "]]}";
    }

    @Test
    void namesUnclosedRing() {
        assertThat(onlyError(multi("[[139.6, 35.4], [139.5, 35.4], [139.5, 35.3], [139.6, 35.3]]")))
                .isEqualTo(
                        new EnglishError(
                                "$.coordinates[1][0]",
                                "polygon 1, ring 0: ring is not closed: first point (139.6, 35.4) differs from last (139.6, 35.3)"));
    }

    @Test
    void namesSelfIntersection() {
        assertThat(onlyError(multi("[[139.5, 35.3], [139.52, 35.32], [139.52, 35.3], [139.5, 35.32], [139.5, 35.3]]")))
                .isEqualTo(new EnglishError(
                        "$.coordinates[1][0]", "polygon 1, ring 0: ring intersects itself at (139.51, 35.31)"));
    }

    @Test
    void namesCoordinateOutOfRange() {
        assertThat(onlyError(
                        "{\"type\": \"Polygon\", \"coordinates\": [[[139.6, 35.4], [139.61, 95.4], [139.61, 35.41], "
                                + "[139.6, 35.4]]]}"))
                .isEqualTo(
                        new EnglishError(
                                "$.coordinates[0]",
                                "polygon 0, ring 0: point 1 "
                                        + "(139.61, 95.4) is out of range: longitude must be within [-180, 180] and latitude within [-90, 90]"));
    }

    @Test
    void namesRingWithTooFewPoints() {
        assertThat(onlyError(
                        "{\"type\": \"Polygon\", \"coordinates\": [[[139.6, 35.4], [139.61, 35.4], [139.6, 35.4]]]}"))
                .isEqualTo(new EnglishError(
                        "$.coordinates[0]",
                        "polygon 0, ring 0: ring has 3 points; a closed ring "
                                + "needs at least 4 (the first point repeated as the last)"));
    }

    @Test
    void namesDegenerateRing() {
        assertThat(onlyError("{\"type\": \"Polygon\", \"coordinates\": [[[139.6, 35.4], [139.61, 35.4], [139.6, 35.4], "
                        + "[139.6, 35.4]]]}"))
                .isEqualTo(new EnglishError(
                        "$.coordinates[0]",
                        "polygon 0, ring 0: ring has fewer than 3 distinct points, so it encloses no area"));
    }

    @Test
    void namesHoleOutsideShell() {
        String hole = "[[139.7, 35.4], [139.71, 35.4], [139.71, 35.41], [139.7, 35.41], [139.7, 35.4]]";
        assertThat(onlyError("{\"type\": \"Polygon\", \"coordinates\": [" + SQUARE + ", " + hole + "]}"))
                .isEqualTo(new EnglishError(
                        "$.coordinates", "polygon 0: a hole lies outside the outer ring at (139.7, 35.4)"));
    }

    @Test
    void namesOverlappingPolygonsOfOneSite() {
        assertThat(onlyError(multi("[[139.605, 35.405], [139.7, 35.405], [139.7, 35.5], [139.605, 35.5], "
                        + "[139.605, 35.405]]")))
                .isEqualTo(new EnglishError(
                        "$.coordinates[1]", "polygon 1 overlaps polygon 0; merge them or remove the overlap"));
    }

    @Test
    void namesFeatureInCollection() {
        String json = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": "
                + "{\"type\": \"Polygon\", \"coordinates\": [" + SQUARE + "]}}, {\"type\": \"Feature\", \"geometry\": "
                + "{\"type\": \"Polygon\", \"coordinates\": [[[1, 1], [2, 1], [2, 2], [1, 1.5]]]}}]}";
        assertThat(onlyError(json))
                .isEqualTo(
                        new EnglishError(
                                "$.features[1].geometry.coordinates[0]",
                                "feature 1, polygon 0, ring 0: ring is not closed: first point (1.0, 1.0) differs from last (1.0, 1.5)"));
    }

    @Test
    void refusesOtherGeometryTypes() {
        assertThat(onlyError("{\"type\": \"Point\", \"coordinates\": [139.6, 35.4]}"))
                .isEqualTo(new EnglishError(
                        "$.type",
                        "unsupported GeoJSON type \"Point\"; a site must be a Polygon or MultiPolygon (or a Feature "
                                + "or FeatureCollection of them)"));
    }

    @Test
    void refusesMalformedJsonCleanly() {
        assertThat(onlyError("{\"type\": \"Polygon\", ")).satisfies(e -> {
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.message()).startsWith("not valid JSON: ");
        });
    }

    @Test
    void refusesPositionThatIsNotANumberPair() {
        assertThat(onlyError("{\"type\": \"Polygon\", \"coordinates\": [[[139.6, 35.4], [139.61], [139.61, 35.41], "
                        + "[139.6, 35.4]]]}"))
                .isEqualTo(new EnglishError(
                        "$.coordinates[0][1]",
                        "polygon 0, ring 0: point 1 must be [longitude, latitude] in numbers; got [139.61]"));
    }

    @Test
    void refusesRingAcrossTheAntimeridian() {
        assertThat(onlyError("{\"type\": \"Polygon\", \"coordinates\": [[[179.9, 0], [-179.9, 0], [-179.9, 0.1], "
                        + "[179.9, 0.1], [179.9, 0]]]}"))
                .isEqualTo(
                        new EnglishError(
                                "$.coordinates[0]",
                                "polygon 0, ring 0: ring "
                                        + "spans more than 180 degrees of longitude; rings crossing the antimeridian are not supported"));
    }
}
