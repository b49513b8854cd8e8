package org.amamo.methodology.geometry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Message;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a site geometry and names each problem and where it is: rings with too few points, out-of-range
 * coordinates, unclosed or self-intersecting rings, holes outside their shell, overlapping polygons.
 * Topology is checked by JTS in the longitude/latitude plane, which for site-sized polygons agrees with
 * the geodesic edges.
 */
final class GeometryValidator {

    /** At most this many polygons per site. */
    static final int MAX_POLYGONS = 10_000;
    /** At most this many positions per ring. */
    static final int MAX_RING_POSITIONS = 100_000;
    /** A closed ring has at least three distinct positions plus the closing one. */
    static final int MIN_RING_POSITIONS = 4;

    private GeometryValidator() {}

    static List<FieldError> validate(SiteGeometry site, List<PolygonLocation> locations) {
        List<FieldError> errors = new ArrayList<>();
        if (site.polygons().isEmpty()) {
            errors.add(FieldError.of("$", "geometry.site.no-polygon"));
            return errors;
        }
        if (site.polygons().size() > MAX_POLYGONS) {
            errors.add(FieldError.of(
                    "$",
                    "geometry.site.too-many-polygons",
                    Integer.toString(MAX_POLYGONS),
                    Integer.toString(site.polygons().size())));
            return errors;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int p = 0; p < site.polygons().size(); p++) {
            Polygon polygon = polygon(site.polygons().get(p), locations.get(p), errors);
            polygons.add(polygon);
        }
        if (errors.isEmpty()) {
            overlaps(polygons, locations, errors);
        }
        return errors;
    }

    /** Checks one polygon; returns its JTS form when valid, otherwise {@code null}. */
    private static Polygon polygon(SitePolygon polygon, PolygonLocation location, List<FieldError> errors) {
        if (polygon.rings().isEmpty()) {
            errors.add(
                    PolygonLocation.error(location.path(), location.label(), Message.of("geometry.polygon.no-ring")));
            return null;
        }
        boolean ringsValid = true;
        for (int r = 0; r < polygon.rings().size(); r++) {
            Message problem = ringProblem(polygon.rings().get(r));
            if (problem != null) {
                errors.add(PolygonLocation.error(location.ringPath(r), location.ringLabel(r), problem));
                ringsValid = false;
            }
        }
        if (!ringsValid) {
            return null;
        }
        Polygon jts = Jts.polygon(polygon);
        TopologyValidationError error = new IsValidOp(jts).getValidationError();
        if (error != null) {
            errors.add(PolygonLocation.error(location.path(), location.label(), describe(error)));
            return null;
        }
        return jts;
    }

    /** The first problem of a ring, or {@code null}; checked in order so that each message is meaningful. */
    static Message ringProblem(List<Position> ring) {
        if (ring.size() < MIN_RING_POSITIONS) {
            return Message.of(
                    "geometry.ring.too-few-points",
                    Integer.toString(ring.size()),
                    Integer.toString(MIN_RING_POSITIONS));
        }
        if (ring.size() > MAX_RING_POSITIONS) {
            return Message.of(
                    "geometry.ring.too-many-points",
                    Integer.toString(ring.size()),
                    Integer.toString(MAX_RING_POSITIONS));
        }
        for (int i = 0; i < ring.size(); i++) {
            Position p = ring.get(i);
            if (!inRange(p)) {
                return Message.of("geometry.ring.out-of-range", Integer.toString(i), p.toString());
            }
        }
        Position first = ring.get(0);
        Position last = ring.get(ring.size() - 1);
        if (!first.equals(last)) {
            return Message.of("geometry.ring.not-closed", first.toString(), last.toString());
        }
        return shapeProblem(ring);
    }

    private static Message shapeProblem(List<Position> ring) {
        if (new HashSet<>(ring).size() < MIN_RING_POSITIONS - 1) {
            return Message.of("geometry.ring.no-area");
        }
        double west = ring.stream().mapToDouble(Position::longitude).min().orElseThrow();
        double east = ring.stream().mapToDouble(Position::longitude).max().orElseThrow();
        if (east - west > 180) {
            return Message.of("geometry.ring.antimeridian");
        }
        LinearRing jts = Jts.ring(ring);
        if (jts.getNumPoints() < MIN_RING_POSITIONS) {
            return Message.of("geometry.ring.no-area");
        }
        IsSimpleOp simple = new IsSimpleOp(jts);
        if (!simple.isSimple()) {
            Coordinate at = simple.getNonSimpleLocation();
            return Message.of("geometry.ring.self-intersection", rounded(at).toString());
        }
        return null;
    }

    /** A computed location, rounded to 1e-7 degrees (about 1 cm) so that messages show no float noise. */
    private static Position rounded(Coordinate at) {
        return new Position(Math.round(at.x * 1e7) / 1e7, Math.round(at.y * 1e7) / 1e7);
    }

    private static boolean inRange(Position p) {
        return Double.isFinite(p.longitude())
                && Double.isFinite(p.latitude())
                && Math.abs(p.longitude()) <= 180
                && Math.abs(p.latitude()) <= 90;
    }

    private static Message describe(TopologyValidationError error) {
        Coordinate at = error.getCoordinate();
        Message what = switch (error.getErrorType()) {
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> Message.of("geometry.polygon.hole-outside-shell");
            case TopologyValidationError.NESTED_HOLES -> Message.of("geometry.polygon.nested-holes");
            case TopologyValidationError.DISCONNECTED_INTERIOR -> Message.of("geometry.polygon.disconnected-interior");
            case TopologyValidationError.SELF_INTERSECTION -> Message.of("geometry.polygon.rings-cross");
            case TopologyValidationError.RING_SELF_INTERSECTION -> Message.of("geometry.polygon.ring-touches-itself");
            default -> Message.of("geometry.polygon.invalid", error.getMessage().toLowerCase(java.util.Locale.ROOT));
        };
        return at == null
                ? what
                : Message.of("geometry.polygon.problem-at", what, rounded(at).toString());
    }

    /** Polygons of one site must not overlap, or their area would be counted twice. */
    private static void overlaps(List<Polygon> polygons, List<PolygonLocation> locations, List<FieldError> errors) {
        if (polygons.size() < 2) {
            return;
        }
        STRtree tree = new STRtree();
        for (int p = 0; p < polygons.size(); p++) {
            tree.insert(polygons.get(p).getEnvelopeInternal(), p);
        }
        Set<Integer> reported = new HashSet<>();
        for (int p = 0; p < polygons.size(); p++) {
            Geometry polygon = polygons.get(p);
            for (Object candidate : tree.query(polygon.getEnvelopeInternal())) {
                int q = (Integer) candidate;
                if (q > p && !reported.contains(q) && polygon.relate(polygons.get(q), "T********")) {
                    errors.add(FieldError.of(
                            locations.get(q).path(),
                            "geometry.polygon.overlap",
                            locations.get(q).label(),
                            locations.get(p).label()));
                    reported.add(q);
                }
            }
        }
    }
}
