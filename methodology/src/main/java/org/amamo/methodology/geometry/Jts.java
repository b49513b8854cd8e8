package org.amamo.methodology.geometry;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * Conversion between site geometries and JTS geometries in the longitude/latitude plane. JTS is used
 * for topology only (validity, intersection); areas are always geodesic.
 */
final class Jts {

    /** SRID of WGS84 longitude/latitude. */
    static final int WGS84 = 4326;

    static final GeometryFactory FACTORY =
            new GeometryFactory(new PrecisionModel(), WGS84, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private Jts() {}

    static Geometry geometry(SiteGeometry site) {
        Polygon[] polygons = site.polygons().stream().map(Jts::polygon).toArray(Polygon[]::new);
        return polygons.length == 1 ? polygons[0] : FACTORY.createMultiPolygon(polygons);
    }

    static Polygon polygon(SitePolygon polygon) {
        List<List<Position>> rings = polygon.rings();
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    static LinearRing ring(List<Position> ring) {
        Coordinate[] coordinates = ring.stream()
                .map(p -> new Coordinate(p.longitude(), p.latitude()))
                .toArray(Coordinate[]::new);
        return FACTORY.createLinearRing(CoordinateArrays.removeRepeatedPoints(coordinates));
    }

    /** The polygonal parts of a JTS geometry (lines and points of a touching intersection are dropped). */
    static SiteGeometry site(Geometry geometry) {
        List<SitePolygon> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                polygons.add(sitePolygon(polygon));
            } else if (part instanceof GeometryCollection) {
                polygons.addAll(site(part).polygons());
            }
        }
        return new SiteGeometry(polygons);
    }

    private static SitePolygon sitePolygon(Polygon polygon) {
        List<List<Position>> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i)));
        }
        return new SitePolygon(rings);
    }

    private static List<Position> positions(LinearRing ring) {
        List<Position> positions = new ArrayList<>();
        for (Coordinate c : ring.getCoordinates()) {
            positions.add(new Position(c.x, c.y));
        }
        return positions;
    }
}
