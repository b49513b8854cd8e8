package org.amamo.methodology.geometry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Message;
import org.amamo.methodology.Verdict;

/**
 * Reads and writes site geometries as GeoJSON (RFC 7946, WGS84 longitude/latitude): a Polygon or
 * MultiPolygon, or a Feature or FeatureCollection wrapping them (every polygon of a collection belongs
 * to the one site). Every geometry read is validated; problems are reported with the JSON path of the
 * ring and a message such as {@code polygon 1, ring 0: ring is not closed: ...}. Polygons and rings are
 * numbered from 0.
 */
public final class GeoJsonSites {

    /** GeoJSON texts larger than this many characters are refused before parsing. */
    public static final int MAX_GEOJSON_CHARACTERS = 64 * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJsonSites() {}

    /**
     * Reads and validates a site.
     *
     * @param geoJson Polygon, MultiPolygon, Feature or FeatureCollection
     * @return the site, or the errors
     */
    public static Verdict<SiteGeometry> parse(String geoJson) {
        return tree(geoJson).flatMap(root -> {
            Reader reader = new Reader();
            reader.object(root, "$", null);
            return reader.result();
        });
    }

    /**
     * Reads a FeatureCollection of existing sites, each Feature with an id (the Feature's {@code id}, or
     * {@code properties.id}) and a Polygon or MultiPolygon geometry.
     *
     * @param geoJson the FeatureCollection
     * @return the sites in document order, or the errors
     */
    public static Verdict<List<Site>> parseSites(String geoJson) {
        return tree(geoJson).flatMap(GeoJsonSites::sites);
    }

    /**
     * Validates a site geometry built in code.
     *
     * @param site the geometry
     * @return the problems, each with the path {@code $.coordinates[p][r]} of a MultiPolygon; empty if valid
     */
    public static List<FieldError> validate(SiteGeometry site) {
        List<PolygonLocation> locations = new ArrayList<>();
        for (int p = 0; p < site.polygons().size(); p++) {
            locations.add(new PolygonLocation(
                    Message.of("geometry.label.polygon", Integer.toString(p)), "$.coordinates[" + p + "]"));
        }
        return GeometryValidator.validate(site, locations);
    }

    /**
     * Writes a site as a GeoJSON Polygon (one polygon) or MultiPolygon.
     *
     * @param site the site
     * @return compact GeoJSON text
     */
    public static String write(SiteGeometry site) {
        ObjectNode root = MAPPER.createObjectNode();
        if (site.polygons().size() == 1) {
            root.put("type", "Polygon");
            rings(root.putArray("coordinates"), site.polygons().get(0));
        } else {
            root.put("type", "MultiPolygon");
            ArrayNode polygons = root.putArray("coordinates");
            site.polygons().forEach(polygon -> rings(polygons.addArray(), polygon));
        }
        return root.toString();
    }

    private static void rings(ArrayNode array, SitePolygon polygon) {
        for (List<Position> ring : polygon.rings()) {
            ArrayNode positions = array.addArray();
            ring.forEach(p -> positions.addArray().add(p.longitude()).add(p.latitude()));
        }
    }

    private static Verdict<JsonNode> tree(String geoJson) {
        if (geoJson.length() > MAX_GEOJSON_CHARACTERS) {
            return Verdict.rejected("$", "geojson.too-large", Integer.toString(MAX_GEOJSON_CHARACTERS));
        }
        try {
            JsonNode root = MAPPER.readTree(geoJson);
            if (root == null || root.isMissingNode()) {
                return Verdict.rejected("$", "geojson.empty");
            }
            return Verdict.accepted(root);
        } catch (JsonProcessingException e) {
            return invalidJson(e);
        }
    }

    /** Refuses malformed JSON with the parser's own (English) description and, when known, where it is. */
    private static <T> Verdict<T> invalidJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return Verdict.rejected(
                    "$",
                    "json.invalid.at",
                    message,
                    Integer.toString(location.getLineNr()),
                    Integer.toString(location.getColumnNr()));
        }
        return Verdict.rejected("$", "json.invalid", message);
    }

    private static Verdict<List<Site>> sites(JsonNode root) {
        if (!"FeatureCollection".equals(root.path("type").asText(null))) {
            return Verdict.rejected("$.type", "geojson.sites.not-a-collection");
        }
        JsonNode features = root.path("features");
        List<Site> sites = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String path = "$.features[" + i + "]";
            String id = feature.hasNonNull("id")
                    ? feature.get("id").asText()
                    : feature.path("properties").path("id").asText(null);
            if (id == null) {
                errors.add(FieldError.of(path + ".id", "geojson.sites.id.required"));
                continue;
            }
            Reader reader = new Reader();
            reader.object(feature, path, Integer.toString(i));
            Verdict<SiteGeometry> site = reader.result();
            errors.addAll(site.errors());
            if (site instanceof Verdict.Accepted<SiteGeometry> accepted) {
                sites.add(new Site(id, accepted.value()));
            }
        }
        return errors.isEmpty() ? Verdict.accepted(sites) : Verdict.rejected(errors);
    }

    /** Collects the polygons of a GeoJSON tree with their locations, and the reading errors. */
    private static final class Reader {
        private final List<SitePolygon> polygons = new ArrayList<>();
        private final List<PolygonLocation> locations = new ArrayList<>();
        private final List<FieldError> errors = new ArrayList<>();

        Verdict<SiteGeometry> result() {
            if (!errors.isEmpty()) {
                return Verdict.rejected(errors);
            }
            SiteGeometry site = new SiteGeometry(polygons);
            List<FieldError> invalid = GeometryValidator.validate(site, locations);
            return invalid.isEmpty() ? Verdict.accepted(site) : Verdict.rejected(invalid);
        }

        /** Reads a GeoJSON object; {@code feature} is the index of the Feature it belongs to, or null. */
        void object(JsonNode node, String path, String feature) {
            String type = node.isObject() ? node.path("type").asText("") : "";
            switch (type) {
                case "Polygon" -> polygon(node.path("coordinates"), path + ".coordinates", label(feature, -1));
                case "MultiPolygon" -> multiPolygon(node.path("coordinates"), path + ".coordinates", feature);
                case "Feature" -> feature(node, path, feature);
                case "FeatureCollection" -> collection(node, path);
                default -> errors.add(FieldError.of(path + ".type", "geojson.type.unsupported", type));
            }
        }

        private void feature(JsonNode node, String path, String feature) {
            JsonNode geometry = node.path("geometry");
            String type = geometry.path("type").asText("");
            if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
                errors.add(
                        type.isEmpty()
                                ? FieldError.of(path + ".geometry", "geojson.feature.geometry.missing")
                                : FieldError.of(path + ".geometry", "geojson.feature.geometry.unsupported", type));
                return;
            }
            object(geometry, path + ".geometry", feature);
        }

        private void collection(JsonNode node, String path) {
            JsonNode features = node.path("features");
            if (!features.isArray() || features.isEmpty()) {
                errors.add(FieldError.of(path + ".features", "geojson.collection.empty"));
                return;
            }
            for (int i = 0; i < features.size(); i++) {
                String featurePath = path + ".features[" + i + "]";
                JsonNode feature = features.get(i);
                if (!"Feature".equals(feature.path("type").asText(null))) {
                    errors.add(FieldError.of(featurePath + ".type", "geojson.feature.type"));
                } else {
                    feature(feature, featurePath, Integer.toString(i));
                }
            }
        }

        private void multiPolygon(JsonNode coordinates, String path, String feature) {
            if (!coordinates.isArray() || coordinates.isEmpty()) {
                errors.add(FieldError.of(path, "geojson.multipolygon.not-an-array"));
                return;
            }
            for (int p = 0; p < coordinates.size(); p++) {
                polygon(coordinates.get(p), path + "[" + p + "]", label(feature, p));
            }
        }

        /** {@code polygon 1}, or {@code feature 2, polygon 1} inside a FeatureCollection. */
        private static Message label(String feature, int polygon) {
            String own = Integer.toString(Math.max(polygon, 0));
            return feature == null
                    ? Message.of("geometry.label.polygon", own)
                    : Message.of("geometry.label.feature-polygon", feature, own);
        }

        private void polygon(JsonNode coordinates, String path, Message label) {
            if (!coordinates.isArray() || coordinates.isEmpty()) {
                errors.add(PolygonLocation.error(path, label, Message.of("geojson.polygon.not-an-array")));
                return;
            }
            List<List<Position>> rings = new ArrayList<>();
            for (int r = 0; r < coordinates.size(); r++) {
                List<Position> ring =
                        ring(coordinates.get(r), path + "[" + r + "]", PolygonLocation.ringLabel(label, r));
                if (ring == null) {
                    return;
                }
                rings.add(ring);
            }
            polygons.add(new SitePolygon(rings));
            locations.add(new PolygonLocation(label, path));
        }

        private List<Position> ring(JsonNode ring, String path, Message label) {
            if (!ring.isArray()) {
                errors.add(PolygonLocation.error(path, label, Message.of("geojson.ring.not-an-array")));
                return null;
            }
            if (ring.size() > GeometryValidator.MAX_RING_POSITIONS) {
                errors.add(PolygonLocation.error(
                        path,
                        label,
                        Message.of(
                                "geojson.ring.too-many-positions",
                                Integer.toString(GeometryValidator.MAX_RING_POSITIONS))));
                return null;
            }
            List<Position> positions = new ArrayList<>();
            for (int i = 0; i < ring.size(); i++) {
                JsonNode position = ring.get(i);
                if (!position.isArray()
                        || position.size() < 2
                        || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    errors.add(PolygonLocation.error(
                            path + "[" + i + "]",
                            label,
                            Message.of("geojson.position.invalid", Integer.toString(i), position.toString())));
                    return null;
                }
                positions.add(new Position(
                        position.get(0).doubleValue(), position.get(1).doubleValue()));
            }
            return positions;
        }
    }
}
