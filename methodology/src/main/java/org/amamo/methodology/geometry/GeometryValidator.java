package org.amamo.methodology.geometry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amamo.methodology.FieldError;
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

    private GeometryValidator() {
    }

    static List<FieldError> validate(SiteGeometry site, List<PolygonLocation> locations) {
        List<FieldError> errors = new ArrayList<>();
        if (site.polygons().isEmpty()) {
            errors.add(new FieldError("$", "the site has no polygon"));
            return errors;
        }
        if (site.polygons().size() > MAX_POLYGONS) {
            errors.add(new FieldError("$", "at most " + MAX_POLYGONS + " polygons per site; got "
                    + site.polygons().size()));
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
            errors.add(new FieldError(location.path(), location.label() + ": the polygon has no ring"));
            return null;
        }
        boolean ringsValid = true;
        for (int r = 0; r < polygon.rings().size(); r++) {
            String problem = ringProblem(polygon.rings().get(r));
            if (problem != null) {
                errors.add(new FieldError(location.ringPath(r), location.ringLabel(r) + ": " + problem));
                ringsValid = false;
            }
        }
        if (!ringsValid) {
            return null;
        }
        Polygon jts = Jts.polygon(polygon);
        TopologyValidationError error = new IsValidOp(jts).getValidationError();
        if (error != null) {
            errors.add(new FieldError(location.path(), location.label() + ": " + describe(error)));
            return null;
        }
        return jts;
    }

    /** The first problem of a ring, or {@code null}; checked in order so that each message is meaningful. */
    static String ringProblem(List<Position> ring) {
        if (ring.size() < MIN_RING_POSITIONS) {
            return "ring has " + ring.size() + " points; a closed ring needs at least " + MIN_RING_POSITIONS
                    + " (the first point repeated as the last)";
        }
        if (ring.size() > MAX_RING_POSITIONS) {
            return "ring has " + ring.size() + " points; at most " + MAX_RING_POSITIONS + " are accepted";
        }
        for (int i = 0; i < ring.size(); i++) {
            Position p = ring.get(i);
            if (!inRange(p)) {
                return "point " + i + " " + p + " is out of range: longitude must be within [-180, 180] and "
                        + "latitude within [-90, 90]";
            }
        }
        Position first = ring.get(0);
        Position last = ring.get(ring.size() - 1);
        if (!first.equals(last)) {
            return "ring is not closed: first point " + first + " differs from last " + last;
        }
        return shapeProblem(ring);
    }

    private static String shapeProblem(List<Position> ring) {
        if (new HashSet<>(ring).size() < MIN_RING_POSITIONS - 1) {
            return "ring has fewer than 3 distinct points, so it encloses no area";
        }
        double west = ring.stream().mapToDouble(Position::longitude).min().orElseThrow();
        double east = ring.stream().mapToDouble(Position::longitude).max().orElseThrow();
        if (east - west > 180) {
            return "ring spans more than 180 degrees of longitude; rings crossing the antimeridian are not supported";
        }
        LinearRing jts = Jts.ring(ring);
        if (jts.getNumPoints() < MIN_RING_POSITIONS) {
            return "ring has fewer than 3 distinct points, so it encloses no area";
        }
        IsSimpleOp simple = new IsSimpleOp(jts);
        if (!simple.isSimple()) {
            Coordinate at = simple.getNonSimpleLocation();
            return "ring intersects itself at " + rounded(at);
        }
        return null;
    }

    /** A computed location, rounded to 1e-7 degrees (about 1 cm) so that messages show no float noise. */
    private static Position rounded(Coordinate at) {
        return new Position(Math.round(at.x * 1e7) / 1e7, Math.round(at.y * 1e7) / 1e7);
    }

    private static boolean inRange(Position p) {
        return Double.isFinite(p.longitude()) && Double.isFinite(p.latitude())
                && Math.abs(p.longitude()) <= 180 && Math.abs(p.latitude()) <= 90;
    }

    private static String describe(TopologyValidationError error) {
        Coordinate at = error.getCoordinate();
        String where = at == null ? "" : " at " + rounded(at);
        String what = switch (error.getErrorType()) {
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "a hole lies outside the outer ring";
            case TopologyValidationError.NESTED_HOLES -> "a hole lies inside another hole";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "the holes cut the polygon's interior in pieces";
            case TopologyValidationError.SELF_INTERSECTION -> "two rings of the polygon cross";
            case TopologyValidationError.RING_SELF_INTERSECTION -> "a ring touches itself";
            default -> error.getMessage().toLowerCase(java.util.Locale.ROOT);
        };
        return what + where;
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
                    errors.add(new FieldError(locations.get(q).path(), locations.get(q).label() + " overlaps "
                            + locations.get(p).label() + "; merge them or remove the overlap"));
                    reported.add(q);
                }
            }
        }
    }
}
