package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.GeodesicArea;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.methodology.geometry.SiteIntersection;
import org.junit.jupiter.api.Test;

/** The demo's and the tests' eelgrass sites: each its own patch of sea, of about the declared area. */
class EelgrassFormTest {

    @Test
    void the_first_site_is_the_yokohama_meadow_of_seed_001() {
        assertThat(GeodesicArea.hectares(site(0, "7.8")).doubleValue()).isCloseTo(7.8, within(0.05));
    }

    @Test
    void each_site_has_about_its_declared_area_and_no_two_overlap() {
        List<SiteGeometry> sites = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String area = List.of("7.8", "5.4", "3.2", "0.5", "2.0").get(i % 5);
            SiteGeometry site = site(i, area);
            assertThat(GeodesicArea.hectares(site).doubleValue()).isCloseTo(Double.parseDouble(area), within(0.05));
            sites.add(site);
        }
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                assertThat(SiteIntersection.of(sites.get(i), sites.get(j)))
                        .as("sites %d and %d", i, j)
                        .isEmpty();
            }
        }
    }

    private static SiteGeometry site(int index, String area) {
        return ((Verdict.Accepted<SiteGeometry>) GeoJsonSites.parse(EelgrassForm.site(index, area))).value();
    }
}
