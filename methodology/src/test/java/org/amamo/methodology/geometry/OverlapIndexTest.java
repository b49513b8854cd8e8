package org.amamo.methodology.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Overlap of a new site against many existing ones, with the spatial index. */
class OverlapIndexTest {

    private static Site cellSite(String id, double west, double south, double size) {
        return new Site(id, Cells.site(Cells.cell(west, south, size, 1)));
    }

    @Test
    void reportsOverlappingSitesWithGeodesicOverlapArea() {
        OverlapIndex index = OverlapIndex.of(List.of(
                cellSite("a", 139.6, 35.4, 0.01), cellSite("b", 139.7, 35.4, 0.01), cellSite("c", 139.61, 35.4, 0.01)));
        SiteGeometry newSite = Cells.site(Cells.cell(139.605, 35.4, 0.01, 1));
        double half = GeodesicArea.hectares(Cells.site(Cells.cell(139.605, 35.4, 0.005, 1)))
                        .doubleValue()
                * 2;
        double quarterCell = GeodesicArea.hectares(Cells.site(List.of(
                        new Position(139.605, 35.4),
                        new Position(139.61, 35.4),
                        new Position(139.61, 35.41),
                        new Position(139.605, 35.41),
                        new Position(139.605, 35.4))))
                .doubleValue();

        List<Overlap> overlaps = index.overlapsWith(newSite);

        assertThat(overlaps).extracting(Overlap::siteId).containsExactly("a", "c");
        assertThat(overlaps.get(0).overlapHectares().doubleValue()).isCloseTo(quarterCell, within(1e-9));
        assertThat(overlaps.get(1).overlapHectares().doubleValue()).isCloseTo(quarterCell, within(1e-9));
        assertThat(half).isPositive();
    }

    @Test
    void ignoresSitesThatOnlyTouch() {
        OverlapIndex index =
                OverlapIndex.of(List.of(cellSite("edge", 139.61, 35.4, 0.01), cellSite("corner", 139.61, 35.41, 0.01)));

        assertThat(index.overlapsWith(Cells.site(Cells.cell(139.6, 35.4, 0.01, 1))))
                .isEmpty();
    }

    @Test
    void findsSiteContainedInTheNewOne() {
        OverlapIndex index = OverlapIndex.of(List.of(cellSite("inside", 139.602, 35.402, 0.002)));
        double inner = GeodesicArea.hectares(Cells.site(Cells.cell(139.602, 35.402, 0.002, 1)))
                .doubleValue();

        List<Overlap> overlaps = index.overlapsWith(Cells.site(Cells.cell(139.6, 35.4, 0.01, 1)));

        assertThat(overlaps)
                .singleElement()
                .satisfies(o -> assertThat(o.overlapHectares().doubleValue()).isCloseTo(inner, within(inner * 1e-9)));
    }

    @Property(tries = 30)
    void indexedAnswerEqualsBruteForce(@ForAll long seed) {
        Random random = new Random(seed);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sites.add(cellSite(
                    "s" + i,
                    139.5 + random.nextDouble() * 0.2,
                    35.3 + random.nextDouble() * 0.2,
                    0.001 + random.nextDouble() * 0.02));
        }
        OverlapIndex index = OverlapIndex.of(sites);
        SiteGeometry newSite =
                Cells.site(Cells.cell(139.55 + random.nextDouble() * 0.1, 35.35 + random.nextDouble() * 0.1, 0.03, 1));

        assertThat(index.overlapsWith(newSite)).isEqualTo(index.overlapsWithoutIndex(newSite));
    }
}
