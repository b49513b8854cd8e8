package org.amamo.methodology.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The area two sites share, and the bounds an index finds candidates with. */
class SiteIntersectionTest {

    @Test
    void two_overlapping_cells_share_the_quarter_between_them() {
        SiteGeometry first = Cells.site(Cells.cell(139.6, 35.4, 0.01, 1));
        SiteGeometry second = Cells.site(Cells.cell(139.605, 35.405, 0.01, 1));
        double quarter = GeodesicArea.hectares(Cells.site(Cells.cell(139.605, 35.405, 0.005, 1)))
                .doubleValue();

        SiteIntersection intersection = SiteIntersection.of(first, second).orElseThrow();

        assertThat(intersection.hectares().doubleValue()).isCloseTo(quarter, within(1e-6));
        SiteBounds bounds = SiteBounds.of(intersection.common());
        assertThat(bounds.minLongitude()).isCloseTo(139.605, within(1e-9));
        assertThat(bounds.minLatitude()).isCloseTo(35.405, within(1e-9));
        assertThat(bounds.maxLongitude()).isCloseTo(139.61, within(1e-9));
        assertThat(bounds.maxLatitude()).isCloseTo(35.41, within(1e-9));
    }

    @Test
    void sites_that_touch_or_lie_apart_share_nothing() {
        SiteGeometry cell = Cells.site(Cells.cell(139.6, 35.4, 0.01, 1));

        assertThat(SiteIntersection.of(cell, Cells.site(Cells.cell(139.61, 35.4, 0.01, 1))))
                .isEmpty();
        assertThat(SiteIntersection.of(cell, Cells.site(Cells.cell(139.7, 35.4, 0.01, 1))))
                .isEmpty();
    }

    @Property(tries = 200)
    void the_intersection_agrees_with_the_overlap_index(
            @ForAll @DoubleRange(min = -0.015, max = 0.015) @Scale(4) double dx,
            @ForAll @DoubleRange(min = -0.015, max = 0.015) @Scale(4) double dy) {
        SiteGeometry existing = Cells.site(Cells.cell(139.6, 35.4, 0.01, 1));
        SiteGeometry candidate = Cells.site(Cells.cell(139.6 + dx, 35.4 + dy, 0.01, 1));

        List<Overlap> overlaps =
                OverlapIndex.of(List.of(new Site("existing", existing))).overlapsWith(candidate);

        assertThat(SiteIntersection.of(candidate, existing).map(SiteIntersection::hectares))
                .isEqualTo(overlaps.stream().findFirst().map(Overlap::overlapHectares));
    }
}
