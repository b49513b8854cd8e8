package org.amamo.methodology.geometry;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.sf.geographiclib.Geodesic;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Message;
import org.amamo.methodology.Verdict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Imports a closed survey track, walked or sailed around the edge of a bed with a GPS logger (seed 001,
 * table 3), as a site polygon. GPX: each {@code trk/trkseg} of {@code trkpt}s, and each {@code rte} of
 * {@code rtept}s, becomes one polygon. KML: each {@code Polygon} (outer and inner boundaries) and each
 * {@code LineString} becomes one polygon. A track whose last point is within
 * {@link #MAX_CLOSING_GAP_METRES} of its first is closed by repeating the first point; a wider gap is an
 * error, since closing it would invent an edge nobody surveyed. The result is validated like GeoJSON.
 */
public final class SurveyTrackImport {

    /** The largest gap between a track's last and first point that is closed automatically, in metres. */
    public static final double MAX_CLOSING_GAP_METRES = 50;
    /** XML texts larger than this many characters are refused before parsing. */
    public static final int MAX_XML_CHARACTERS = 64 * 1024 * 1024;

    private SurveyTrackImport() {}

    /**
     * Imports a GPX or KML document, recognised by its root element.
     *
     * @param xml the document
     * @return the site, or the errors
     */
    public static Verdict<SiteGeometry> fromXml(String xml) {
        return document(xml).flatMap(document -> {
            String root = document.getDocumentElement().getLocalName();
            if ("gpx".equals(root)) {
                return gpx(document);
            }
            if ("kml".equals(root)) {
                return kml(document);
            }
            return Verdict.rejected("/" + root, "track.not-gpx-or-kml", root);
        });
    }

    /**
     * Imports a GPX document.
     *
     * @param gpx the document
     * @return the site, or the errors
     */
    public static Verdict<SiteGeometry> fromGpx(String gpx) {
        return document(gpx).flatMap(SurveyTrackImport::gpx);
    }

    /**
     * Imports a KML document.
     *
     * @param kml the document
     * @return the site, or the errors
     */
    public static Verdict<SiteGeometry> fromKml(String kml) {
        return document(kml).flatMap(SurveyTrackImport::kml);
    }

    private static Verdict<SiteGeometry> gpx(Document document) {
        Tracks tracks = new Tracks();
        List<Element> trks = children(document.getDocumentElement(), "trk");
        for (int t = 0; t < trks.size(); t++) {
            List<Element> segments = children(trks.get(t), "trkseg");
            for (int s = 0; s < segments.size(); s++) {
                String path = "/gpx/trk[" + t + "]/trkseg[" + s + "]";
                tracks.line(
                        gpxPoints(children(segments.get(s), "trkpt"), path, tracks),
                        path,
                        Message.of("track.label.segment", Integer.toString(t), Integer.toString(s)));
            }
        }
        List<Element> routes = children(document.getDocumentElement(), "rte");
        for (int r = 0; r < routes.size(); r++) {
            String path = "/gpx/rte[" + r + "]";
            tracks.line(
                    gpxPoints(children(routes.get(r), "rtept"), path, tracks),
                    path,
                    Message.of("track.label.route", Integer.toString(r)));
        }
        return tracks.result("/gpx", "track.gpx.none");
    }

    private static List<Position> gpxPoints(List<Element> points, String path, Tracks tracks) {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Element point = points.get(i);
            try {
                positions.add(new Position(
                        Double.parseDouble(point.getAttribute("lon")), Double.parseDouble(point.getAttribute("lat"))));
            } catch (NumberFormatException e) {
                tracks.errors.add(FieldError.of(
                        path + "/" + point.getLocalName() + "[" + i + "]",
                        "track.gpx.point.not-numbers",
                        point.getAttribute("lat"),
                        point.getAttribute("lon")));
                return null;
            }
        }
        return positions;
    }

    private static Verdict<SiteGeometry> kml(Document document) {
        Tracks tracks = new Tracks();
        NodeList polygons = document.getElementsByTagNameNS("*", "Polygon");
        for (int p = 0; p < polygons.getLength(); p++) {
            tracks.kmlPolygon(
                    (Element) polygons.item(p),
                    "//Polygon[" + p + "]",
                    Message.of("track.label.polygon", Integer.toString(p)));
        }
        NodeList lines = document.getElementsByTagNameNS("*", "LineString");
        for (int l = 0; l < lines.getLength(); l++) {
            String path = "//LineString[" + l + "]";
            tracks.line(
                    tracks.coordinates((Element) lines.item(l), path),
                    path,
                    Message.of("track.label.line", Integer.toString(l)));
        }
        return tracks.result("/kml", "track.kml.none");
    }

    /** Collects polygons, their locations and errors while importing. */
    private static final class Tracks {
        final List<SitePolygon> polygons = new ArrayList<>();
        final List<PolygonLocation> locations = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();

        void line(List<Position> positions, String path, Message label) {
            if (positions == null) {
                return;
            }
            List<Position> ring = close(positions, path, label);
            if (ring != null) {
                polygons.add(SitePolygon.of(ring));
                locations.add(new PolygonLocation(label, path));
            }
        }

        void kmlPolygon(Element polygon, String path, Message label) {
            List<List<Position>> rings = new ArrayList<>();
            List<Element> outer = descendants(polygon, "outerBoundaryIs");
            if (outer.size() != 1) {
                errors.add(PolygonLocation.error(path, label, Message.of("track.kml.outer-boundary")));
                return;
            }
            rings.add(coordinates(outer.get(0), path + "/outerBoundaryIs"));
            List<Element> inner = descendants(polygon, "innerBoundaryIs");
            for (int i = 0; i < inner.size(); i++) {
                rings.add(coordinates(inner.get(i), path + "/innerBoundaryIs[" + i + "]"));
            }
            if (rings.stream().noneMatch(r -> r == null)) {
                polygons.add(new SitePolygon(rings));
                locations.add(new PolygonLocation(label, path));
            }
        }

        List<Position> coordinates(Element parent, String path) {
            List<Element> nodes = descendants(parent, "coordinates");
            if (nodes.size() != 1) {
                errors.add(FieldError.of(path, "track.kml.coordinates.count"));
                return null;
            }
            List<Position> positions = new ArrayList<>();
            for (String tuple : nodes.get(0).getTextContent().trim().split("\\s+")) {
                String[] parts = tuple.split(",");
                try {
                    positions.add(new Position(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    errors.add(FieldError.of(path + "/coordinates", "track.kml.coordinate.invalid", tuple));
                    return null;
                }
            }
            return positions;
        }

        private List<Position> close(List<Position> positions, String path, Message label) {
            if (positions.size() < 3) {
                errors.add(PolygonLocation.error(
                        path, label, Message.of("track.too-few-points", Integer.toString(positions.size()))));
                return null;
            }
            Position first = positions.get(0);
            Position last = positions.get(positions.size() - 1);
            if (first.equals(last)) {
                return positions;
            }
            double gap =
                    Geodesic.WGS84.Inverse(first.latitude(), first.longitude(), last.latitude(), last.longitude()).s12;
            if (!(gap <= MAX_CLOSING_GAP_METRES)) {
                errors.add(PolygonLocation.error(
                        path,
                        label,
                        Message.of(
                                "track.not-closed",
                                String.format(Locale.ROOT, "%.1f", gap),
                                String.format(Locale.ROOT, "%.0f", MAX_CLOSING_GAP_METRES))));
                return null;
            }
            List<Position> ring = new ArrayList<>(positions);
            ring.add(first);
            return ring;
        }

        /** The site, or the errors; {@code nothingFound} is the key of the error when there is no polygon. */
        Verdict<SiteGeometry> result(String rootPath, String nothingFound) {
            if (!errors.isEmpty()) {
                return Verdict.rejected(errors);
            }
            if (polygons.isEmpty()) {
                return Verdict.rejected(rootPath, nothingFound);
            }
            SiteGeometry site = new SiteGeometry(polygons);
            List<FieldError> invalid = GeometryValidator.validate(site, locations);
            return invalid.isEmpty() ? Verdict.accepted(site) : Verdict.rejected(invalid);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<Element> descendants(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Parses XML with DTDs and external entities disabled, so that a document cannot read local files. */
    private static Verdict<Document> document(String xml) {
        if (xml.length() > MAX_XML_CHARACTERS) {
            return Verdict.rejected("/", "xml.too-large", Integer.toString(MAX_XML_CHARACTERS));
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return Verdict.accepted(builder.parse(new InputSource(new StringReader(xml))));
        } catch (SAXParseException e) {
            return Verdict.rejected(
                    "/",
                    "xml.invalid.at",
                    String.valueOf(e.getMessage()),
                    Integer.toString(e.getLineNumber()),
                    Integer.toString(e.getColumnNumber()));
        } catch (SAXException | IOException e) {
            return Verdict.rejected("/", "xml.invalid", String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }
}
