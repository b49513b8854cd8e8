package org.amamo.methodology.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.amamo.methodology.EnglishError;
import org.amamo.methodology.Verdict;
import org.junit.jupiter.api.Test;

/** Closed survey tracks from GPX and KML become site polygons. */
class SurveyTrackImportTest {

    private static final double CELL_HA = Cells.closedFormSquareMetres(139.6, 35.4, 0.01) / 1e4;

    @Test
    void importsGpxTrackSegmentAndClosesSmallGap() {
        String gpx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="logger" xmlns="http://www.topografix.com/GPX/1/1">
                  <trk><name>eelgrass edge</name><trkseg>
                    <trkpt lat="35.4" lon="139.6"><ele>0</ele></trkpt>
                    <trkpt lat="35.4" lon="139.61"/>
                    <trkpt lat="35.41" lon="139.61"/>
                    <trkpt lat="35.41" lon="139.6"/>
                    <trkpt lat="35.40002" lon="139.6"/>
                  </trkseg></trk>
                </gpx>""";

        SiteGeometry site = SurveyTrackImport.fromXml(gpx).orElseThrow();

        assertThat(site.polygons()).hasSize(1);
        assertThat(site.polygons().get(0).rings().get(0)).hasSize(6).last().isEqualTo(new Position(139.6, 35.4));
        assertThat(GeodesicArea.hectares(site).doubleValue()).isCloseTo(CELL_HA, within(CELL_HA * 1e-3));
    }

    @Test
    void importsGpxRoute() {
        String gpx = "<gpx><rte><rtept lat='35.4' lon='139.6'/><rtept lat='35.4' lon='139.61'/>"
                + "<rtept lat='35.41' lon='139.61'/><rtept lat='35.41' lon='139.6'/><rtept lat='35.4' lon='139.6'/>"
                + "</rte></gpx>";

        assertThat(GeodesicArea.hectares(SurveyTrackImport.fromGpx(gpx).orElseThrow())
                        .doubleValue())
                .isCloseTo(CELL_HA, within(CELL_HA * 1e-6));
    }

    @Test
    void refusesTrackThatDoesNotReturnToItsStart() {
        String gpx = "<gpx><trk><trkseg><trkpt lat='35.4' lon='139.6'/><trkpt lat='35.4' lon='139.61'/>"
                + "<trkpt lat='35.41' lon='139.61'/><trkpt lat='35.41' lon='139.6'/></trkseg></trk></gpx>";

        assertThat(EnglishError.all(SurveyTrackImport.fromGpx(gpx).errors()))
                .containsExactly(new EnglishError(
                        "/gpx/trk[0]/trkseg[0]",
                        "track 0, segment 0: the track is not closed: its first and last points are 1109.5 m apart; a survey "
                                + "track must return to its start (within 50 m)"));
    }

    @Test
    void importsKmlPolygonWithHole() {
        String kml = """
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><Polygon>
                  <outerBoundaryIs><LinearRing><coordinates>
                    139.6,35.4,0 139.62,35.4,0 139.62,35.42,0 139.6,35.42,0 139.6,35.4,0
                  </coordinates></LinearRing></outerBoundaryIs>
                  <innerBoundaryIs><LinearRing><coordinates>
                    139.605,35.405 139.615,35.405 139.615,35.415 139.605,35.415 139.605,35.405
                  </coordinates></LinearRing></innerBoundaryIs>
                </Polygon></Placemark></Document></kml>""";
        double expected =
                (Cells.closedFormSquareMetres(0, 35.4, 0.02) - Cells.closedFormSquareMetres(0, 35.405, 0.01)) / 1e4;

        SiteGeometry site = SurveyTrackImport.fromKml(kml).orElseThrow();

        assertThat(site.polygons().get(0).rings()).hasSize(2);
        assertThat(GeodesicArea.hectares(site).doubleValue()).isCloseTo(expected, within(expected * 1e-6));
    }

    @Test
    void importsKmlLineString() {
        String kml = "<kml><Placemark><LineString><coordinates>139.6,35.4 139.61,35.4 139.61,35.41 139.6,35.41 "
                + "139.6,35.4</coordinates></LineString></Placemark></kml>";

        assertThat(SurveyTrackImport.fromXml(kml)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void refusesSelfIntersectingTrackWithItsLocation() {
        String kml = "<kml><Placemark><LineString><coordinates>139.5,35.3 139.52,35.32 139.52,35.3 139.5,35.32 "
                + "139.5,35.3</coordinates></LineString></Placemark></kml>";

        assertThat(EnglishError.all(SurveyTrackImport.fromKml(kml).errors()))
                .containsExactly(new EnglishError(
                        "//LineString[0][0]", "LineString 0, ring 0: ring intersects itself at (139.51, 35.31)"));
    }

    @Test
    void refusesExternalEntities() {
        String xml = "<?xml version='1.0'?><!DOCTYPE gpx [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><gpx>&x;</gpx>";

        assertThat(SurveyTrackImport.fromXml(xml).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("not valid XML: "));
    }

    @Test
    void refusesOtherDocuments() {
        assertThat(EnglishError.all(SurveyTrackImport.fromXml("<svg/>").errors()))
                .containsExactly(new EnglishError("/svg", "not a GPX or KML document: the root element is <svg>"));
    }
}
