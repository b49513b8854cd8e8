package org.amamo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.Overlap;
import org.amamo.methodology.geometry.OverlapIndex;
import org.amamo.methodology.geometry.Position;
import org.amamo.methodology.geometry.Site;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.methodology.geometry.SitePolygon;

/**
 * Overlap detection of one new site against 100,000 existing sites: with the STRtree spatial index
 * ({@link OverlapIndex#overlapsWith}) and by brute force (JTS intersects on every site,
 * {@link OverlapIndex#overlapsWithoutIndex}), in the same run. Both compute the overlap areas of the hits,
 * so they do the same useful work. Reports the median of several timed repetitions after warm-up.
 * Targets: indexed under 100 ms and at least 100 times faster than brute force.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp
 * bench/target/amamo-bench.jar:methodology/target/amamo-methodology.jar org.amamo.bench.OverlapBenchmark}
 * (optional arguments: number of sites, seed).
 */
public final class OverlapBenchmark {

    private static final int DEFAULT_SITES = 100_000;
    private static final long DEFAULT_SEED = 20_210_316L;
    private static final int WARM_UP = 200;
    private static final int INDEXED_REPETITIONS = 101;
    private static final int BRUTE_FORCE_REPETITIONS = 21;
    private static final double METRES_PER_DEGREE = 111_320;

    /** Rough waypoints along the coasts of Japan (longitude, latitude), from Hokkaido to Okinawa. */
    private static final double[][] COAST = {
        {141.3, 45.4}, {142.0, 44.6}, {143.3, 44.1}, {145.3, 43.3}, {144.4, 42.9}, {143.3, 42.0}, {141.0, 42.3},
        {140.4, 41.5}, {141.5, 40.5}, {141.9, 39.3}, {141.0, 38.3}, {140.9, 36.9}, {140.6, 35.7}, {139.8, 35.3},
        {139.6, 35.4}, {138.8, 34.7}, {137.2, 34.6}, {136.8, 34.3}, {135.8, 33.5}, {135.2, 34.3}, {134.6, 34.7},
        {133.1, 34.3}, {132.4, 34.2}, {131.0, 34.0}, {132.6, 33.2}, {133.5, 33.4}, {134.6, 33.8}, {131.7, 33.0},
        {131.5, 31.8}, {130.6, 31.2}, {130.2, 32.6}, {129.8, 33.3}, {130.4, 33.6}, {132.8, 35.5}, {134.2, 35.6},
        {135.9, 35.7}, {136.7, 36.9}, {137.3, 36.8}, {138.3, 37.2}, {139.2, 38.0}, {139.9, 39.8}, {140.0, 40.8},
        {127.7, 26.2}, {128.3, 26.8}
    };

    private OverlapBenchmark() {}

    /**
     * Runs the benchmark and prints a report.
     *
     * @param args optional: number of sites, seed
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SITES;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        Random random = new Random(seed);
        List<Site> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sites.add(new Site("site-" + i, randomSite(random, coastPoint(random), 40, 400)));
        }
        requireValid(sites.subList(0, Math.min(1_000, count)));
        long buildStart = System.nanoTime();
        OverlapIndex index = OverlapIndex.of(sites);
        double buildMillis = (System.nanoTime() - buildStart) / 1e6;
        double[] centre = centreOf(sites.get(random.nextInt(count)).geometry());
        SiteGeometry newSite = randomSite(random, centre, 600, 900);

        List<Overlap> indexed = index.overlapsWith(newSite);
        List<Overlap> bruteForce = index.overlapsWithoutIndex(newSite);
        if (!indexed.equals(bruteForce)) {
            throw new IllegalStateException("index and brute force disagree: " + indexed + " vs " + bruteForce);
        }
        List<String> detectedIndexed = index.intersectingSiteIds(newSite);
        if (!new java.util.TreeSet<>(detectedIndexed)
                .equals(new java.util.TreeSet<>(index.intersectingSiteIdsWithoutIndex(newSite)))) {
            throw new IllegalStateException("index and brute force detect different sites");
        }
        double detectIndexed = medianMillis(() -> index.intersectingSiteIds(newSite), INDEXED_REPETITIONS);
        double detectBrute =
                medianMillis(() -> index.intersectingSiteIdsWithoutIndex(newSite), BRUTE_FORCE_REPETITIONS);
        double indexedMillis = medianMillis(() -> index.overlapsWith(newSite), INDEXED_REPETITIONS);
        double bruteMillis = medianMillis(() -> index.overlapsWithoutIndex(newSite), BRUTE_FORCE_REPETITIONS);
        report(count, seed, buildMillis, indexed, detectedIndexed.size());
        line("detection (which sites meet the new one)", detectIndexed, detectBrute);
        line("overlaps with geodesic areas", indexedMillis, bruteMillis);
        machine();
    }

    private static void line(String what, double indexedMillis, double bruteMillis) {
        double ratio = bruteMillis / indexedMillis;
        System.out.printf(Locale.ROOT, "%s:%n", what);
        System.out.printf(Locale.ROOT, "  indexed, median of %3d:     %10.3f ms%n", INDEXED_REPETITIONS, indexedMillis);
        System.out.printf(
                Locale.ROOT, "  brute force, median of %3d: %10.3f ms%n", BRUTE_FORCE_REPETITIONS, bruteMillis);
        System.out.printf(
                Locale.ROOT,
                "  ratio brute force / indexed: %9.1f x  (targets: indexed < 100 ms %s, " + "ratio >= 100 %s)%n",
                ratio,
                indexedMillis < 100 ? "met" : "MISSED",
                ratio >= 100 ? "met" : "MISSED");
    }

    private static void report(int count, long seed, double buildMillis, List<Overlap> overlaps, int detected) {
        System.out.printf(
                Locale.ROOT,
                "OverlapBenchmark: %,d existing sites (seed %d), new site overlaps %d of them%n",
                count,
                seed,
                overlaps.size());
        overlaps.stream()
                .limit(5)
                .forEach(o -> System.out.printf(
                        Locale.ROOT,
                        "  %s: %s ha%n",
                        o.siteId(),
                        o.overlapHectares()
                                .setScale(6, java.math.RoundingMode.HALF_EVEN)
                                .toPlainString()));
        System.out.printf(Locale.ROOT, "  (%d sites meet it, counting those that only touch)%n", detected);
        System.out.printf(Locale.ROOT, "index build (STRtree): %.1f ms%n", buildMillis);
    }

    private static void machine() {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "machine: %d processors available to the JVM, max heap %d MB, Java %s (%s)%n",
                runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static double medianMillis(Supplier<List<?>> query, int repetitions) {
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += query.get().size();
        }
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            sink += query.get().size();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        Arrays.sort(millis);
        return millis[repetitions / 2];
    }

    /** A point near the coast: on a segment between waypoints, moved up to about 5 km. */
    private static double[] coastPoint(Random random) {
        int i = random.nextInt(COAST.length - 1);
        double[] a = COAST[i];
        double[] b = COAST[i + 1];
        double t = random.nextDouble();
        return new double[] {
            a[0] + (b[0] - a[0]) * t + (random.nextDouble() - 0.5) * 0.1,
            a[1] + (b[1] - a[1]) * t + (random.nextDouble() - 0.5) * 0.1
        };
    }

    /** A star-shaped polygon of 6 to 16 vertices with radii between the given bounds in metres. */
    private static SiteGeometry randomSite(Random random, double[] centre, double minRadius, double maxRadius) {
        int vertices = 6 + random.nextInt(11);
        double cosLatitude = Math.cos(Math.toRadians(centre[1]));
        List<Position> ring = new ArrayList<>(vertices + 1);
        double base = minRadius + random.nextDouble() * (maxRadius - minRadius);
        for (int v = 0; v < vertices; v++) {
            double angle = 2 * Math.PI * (v + 0.2 + 0.6 * random.nextDouble()) / vertices;
            double radius = base * (0.6 + 0.4 * random.nextDouble()) / METRES_PER_DEGREE;
            ring.add(new Position(
                    centre[0] + radius * Math.cos(angle) / cosLatitude, centre[1] + radius * Math.sin(angle)));
        }
        ring.add(ring.get(0));
        return SiteGeometry.of(SitePolygon.of(ring));
    }

    private static double[] centreOf(SiteGeometry site) {
        List<Position> ring = site.polygons().get(0).rings().get(0);
        double lon = 0;
        double lat = 0;
        for (int i = 0; i < ring.size() - 1; i++) {
            lon += ring.get(i).longitude();
            lat += ring.get(i).latitude();
        }
        return new double[] {lon / (ring.size() - 1), lat / (ring.size() - 1)};
    }

    private static void requireValid(List<Site> sample) {
        for (Site site : sample) {
            if (!GeoJsonSites.validate(site.geometry()).isEmpty()) {
                throw new IllegalStateException("generated an invalid site: " + GeoJsonSites.validate(site.geometry()));
            }
        }
    }
}
