package org.amamo.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.amamo.testing.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The public map in a real browser with its base maps served by the application itself (a fixture tile under
 * src/test/resources/static): the tiles load, the Content-Security-Policy blocks nothing and the console stays
 * clean. A layer whose tiles cannot be loaded still leaves a working map, with a notice that says so.
 */
@TestPropertySource(
        properties = {
            "amamo.map.layers[0].id=local",
            "amamo.map.layers[0].url=/assets/test-tiles/tile.png?z={z}&x={x}&y={y}",
            "amamo.map.layers[0].attribution=Test tiles",
            "amamo.map.layers[0].max-zoom=18",
            "amamo.map.layers[1].id=missing",
            "amamo.map.layers[1].url=/assets/test-tiles/missing/{z}/{x}/{y}.png",
            "amamo.map.layers[1].attribution=Nothing",
            "amamo.map.layers[1].max-zoom=18"
        })
class BaseMapBrowserTest extends BrowserJourney {

    @Test
    void theMapDrawsItsBaseMapWithoutAnyBlockedImageOrConsoleError() throws Exception {
        browser.open("/map");
        browser.find("#public-map img.leaflet-tile-loaded");
        browser.find(".leaflet-control-attribution");
        Thread.sleep(500);

        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.present(".map-notice")).isFalse();
        assertThat(browser.text(".leaflet-control-attribution")).contains("Test tiles");
        assertThat(browser.count(".leaflet-control-layers-base input")).isEqualTo(2);
    }

    @Test
    void aBaseMapThatCannotBeLoadedLeavesANoticeInThePageLanguage() {
        browser.open("/map?lang=en");
        browser.find("#public-map img.leaflet-tile-loaded");
        browser.script("document.querySelectorAll('.leaflet-control-layers-base input')[1].click();");

        browser.waitForText(".map-notice", "The base map could not be loaded");
    }
}
