package org.amamo.methodology.geometry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Finds the existing sites a new site overlaps, with a JTS STRtree over the existing sites' envelopes.
 * Candidates from the tree are tested exactly with JTS; the intersection is computed with JTS (robust
 * overlay) and its area geodesically with GeographicLib. Sites that merely touch (zero overlap area) are
 * not reported. Immutable once built and safe to query from several threads.
 */
public final class OverlapIndex {

    /** STRtree node capacity; JTS's default. */
    private static final int NODE_CAPACITY = 10;

    private final List<IndexedSite> sites;
    private final STRtree tree = new STRtree(NODE_CAPACITY);

    private OverlapIndex(List<Site> existing) {
        List<IndexedSite> indexed = new ArrayList<>(existing.size());
        for (Site site : existing) {
            IndexedSite entry = new IndexedSite(site.id(), Jts.geometry(site.geometry()));
            indexed.add(entry);
            tree.insert(entry.geometry().getEnvelopeInternal(), entry);
        }
        this.sites = List.copyOf(indexed);
        tree.build();
    }

    /**
     * Builds the index.
     *
     * @param existing validated existing sites
     * @return the index
     */
    public static OverlapIndex of(List<Site> existing) {
        return new OverlapIndex(existing);
    }

    /**
     * The number of indexed sites.
     *
     * @return the count
     */
    public int size() {
        return sites.size();
    }

    /**
     * The existing sites that a new site overlaps, using the spatial index.
     *
     * @param newSite a validated site
     * @return the overlaps ordered by site id
     */
    public List<Overlap> overlapsWith(SiteGeometry newSite) {
        Geometry geometry = Jts.geometry(newSite);
        List<Overlap> overlaps = new ArrayList<>();
        for (IndexedSite site : intersecting(geometry)) {
            addOverlap(geometry, site, overlaps);
        }
        overlaps.sort(Comparator.comparing(Overlap::siteId));
        return overlaps;
    }

    /**
     * The same answer as {@link #overlapsWith} by testing every site with JTS {@code intersects}, without
     * the index. For comparison in tests and benchmarks.
     *
     * @param newSite a validated site
     * @return the overlaps ordered by site id
     */
    public List<Overlap> overlapsWithoutIndex(SiteGeometry newSite) {
        Geometry geometry = Jts.geometry(newSite);
        List<Overlap> overlaps = new ArrayList<>();
        for (IndexedSite site : sites) {
            if (geometry.intersects(site.geometry())) {
                addOverlap(geometry, site, overlaps);
            }
        }
        overlaps.sort(Comparator.comparing(Overlap::siteId));
        return overlaps;
    }

    /**
     * Detection only: the ids of the existing sites that the new site meets (JTS {@code intersects}, so
     * sites that merely touch are included), found with the spatial index. {@link #overlapsWith} refines
     * these into overlaps with an area.
     *
     * @param newSite a validated site
     * @return the ids in index order
     */
    public List<String> intersectingSiteIds(SiteGeometry newSite) {
        return intersecting(Jts.geometry(newSite)).stream().map(IndexedSite::id).toList();
    }

    /**
     * Detection by brute force: JTS {@code intersects} of the new site with every existing site, in
     * insertion order. For comparison in tests and benchmarks.
     *
     * @param newSite a validated site
     * @return the ids in insertion order
     */
    public List<String> intersectingSiteIdsWithoutIndex(SiteGeometry newSite) {
        Geometry geometry = Jts.geometry(newSite);
        List<String> ids = new ArrayList<>();
        for (IndexedSite site : sites) {
            if (geometry.intersects(site.geometry())) {
                ids.add(site.id());
            }
        }
        return ids;
    }

    /** Candidates from the tree, tested exactly against the prepared (edge-indexed) new geometry. */
    private List<IndexedSite> intersecting(Geometry geometry) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(geometry);
        List<IndexedSite> intersecting = new ArrayList<>();
        tree.query(geometry.getEnvelopeInternal(), item -> {
            IndexedSite site = (IndexedSite) item;
            if (prepared.intersects(site.geometry())) {
                intersecting.add(site);
            }
        });
        return intersecting;
    }

    private static void addOverlap(Geometry geometry, IndexedSite site, List<Overlap> overlaps) {
        Geometry intersection = OverlayNGRobust.overlay(geometry, site.geometry(), OverlayNG.INTERSECTION);
        SiteGeometry common = Jts.site(intersection);
        if (common.polygons().isEmpty()) {
            return;
        }
        BigDecimal hectares = GeodesicArea.hectares(common);
        if (hectares.signum() > 0) {
            overlaps.add(new Overlap(site.id(), hectares));
        }
    }

    private record IndexedSite(String id, Geometry geometry) {}
}
