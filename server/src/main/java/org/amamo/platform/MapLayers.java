package org.amamo.platform;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base maps every map of the site offers (the public map, project pages, the site drawing of the
 * application form), from the configuration {@code amamo.map.layers[i]}; the first is shown by default. The
 * pages read the layers from this object and the Content-Security-Policy allows images from exactly their
 * {@link #origins() origins}, so the two cannot disagree.
 *
 * @param layers the base maps in the order the layer switch shows them; at least one, at most {@value #MAX_LAYERS}
 */
public record MapLayers(List<Layer> layers) {

    public static final int MAX_LAYERS = 10;

    public MapLayers {
        Objects.requireNonNull(layers, "amamo.map.layers");
        if (layers.isEmpty() || layers.size() > MAX_LAYERS) {
            throw new IllegalArgumentException(
                    "amamo.map.layers needs between 1 and " + MAX_LAYERS + " layers, not " + layers.size());
        }
        layers = List.copyOf(layers);
    }

    /**
     * The origins the browser loads tiles from, as Content-Security-Policy sources: {@code https://host} for an
     * absolute template, with a {@code {s}} subdomain placeholder widened to {@code *}; nothing for a template on
     * the site itself (a path), which {@code 'self'} already covers.
     */
    public Set<String> origins() {
        Set<String> origins = new LinkedHashSet<>();
        for (Layer layer : layers) {
            layer.origin().ifPresent(origins::add);
        }
        return origins;
    }

    /**
     * One base map.
     *
     * @param id short name, also the key of its label in the message bundles ({@code map.layer.<id>})
     * @param url tile URL template with {@code {z}}, {@code {x}}, {@code {y}} (and optionally {@code {s}}), either
     *     absolute (http or https) or a path on this site
     * @param attribution the credit the tile provider asks for, as HTML (a link to its terms)
     * @param maxZoom the deepest zoom level the provider serves, 0 to {@value #MAX_ZOOM}
     */
    public record Layer(String id, String url, String attribution, int maxZoom) {

        public static final int MAX_ZOOM = 22;
        private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");
        private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)(?:[/?#].*)?$");

        public Layer {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("amamo.map.layers id must be 1-40 of a-z, 0-9, '-': " + id);
            }
            if (url == null || !(url.contains("{z}") && url.contains("{x}") && url.contains("{y}"))) {
                throw new IllegalArgumentException("amamo.map.layers " + id + ": url needs {z}, {x} and {y}: " + url);
            }
            if (!url.startsWith("/") && !ORIGIN.matcher(url).matches()) {
                throw new IllegalArgumentException(
                        "amamo.map.layers " + id + ": url must be http(s)://host/... or /path: " + url);
            }
            if (maxZoom < 0 || maxZoom > MAX_ZOOM) {
                throw new IllegalArgumentException(
                        "amamo.map.layers " + id + ": max-zoom must be 0 to " + MAX_ZOOM + ": " + maxZoom);
            }
            attribution = attribution == null ? "" : attribution;
        }

        Optional<String> origin() {
            Matcher matcher = ORIGIN.matcher(url);
            if (url.startsWith("/") || !matcher.matches()) {
                return Optional.empty();
            }
            return Optional.of(matcher.group(1).replace("{s}", "*"));
        }
    }
}
