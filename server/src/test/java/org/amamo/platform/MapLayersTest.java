package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.List;
import org.amamo.platform.MapLayers.Layer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The base maps are configuration, and the Content-Security-Policy allows images from exactly the origins of the
 * configured layers: a map never shows blocked tiles because the two disagree.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MapLayersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MapLayers mapLayers;

    @Test
    void theDefaultBaseMapsAreTheGsiTilesWithOpenStreetMapAsAnOption() {
        assertThat(mapLayers.layers()).extracting(Layer::id).containsExactly("gsi-std", "gsi-photo", "osm");
        assertThat(mapLayers.layers().get(0).url())
                .isEqualTo("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png");
        assertThat(mapLayers.layers().get(0).attribution())
                .contains("https://maps.gsi.go.jp/development/ichiran.html")
                .contains("地理院タイル");
    }

    @Test
    void theImageSourcesOfEveryPageHoldTheOriginOfEveryConfiguredLayer() throws Exception {
        for (String page : List.of("/map", "/", "/statistics")) {
            String policy = mvc.perform(get(page)).andReturn().getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).as(page).isNotNull();
            List<String> imageSources = Arrays.stream(policy.split(";"))
                    .map(String::trim)
                    .filter(directive -> directive.startsWith("img-src "))
                    .flatMap(directive -> Arrays.stream(directive.split(" ")).skip(1))
                    .toList();
            assertThat(imageSources)
                    .as(page)
                    .contains("'self'")
                    .containsAll(mapLayers.origins())
                    .contains("https://cyberjapandata.gsi.go.jp", "https://tile.openstreetmap.org");
        }
    }

    @Test
    void theMapPageListsEveryLayerWithItsLabelAndTheOfflineNotice() throws Exception {
        String page = mvc.perform(get("/map").param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"map-layers\"")
                .contains("data-url=\"https://cyberjapandata.gsi.go.jp/xyz/seamlessphoto/{z}/{x}/{y}.jpg\"")
                .contains(">GSI map (standard)<")
                .contains("The base map could not be loaded");
    }

    @Test
    void anOriginIsTheSchemeAndHostOfTheTemplateWithASubdomainPlaceholderWidened() {
        MapLayers layers = new MapLayers(List.of(
                new Layer("a", "https://{s}.tile.example.org/{z}/{x}/{y}.png", "", 19),
                new Layer("b", "http://localhost:8080/tiles/{z}/{x}/{y}.png", "", 19),
                new Layer("c", "/assets/tiles/{z}/{x}/{y}.png", "", 19),
                new Layer("d", "https://tile.example.org/other/{z}/{x}/{y}.png", "", 19)));
        assertThat(layers.origins())
                .containsExactly("https://*.tile.example.org", "http://localhost:8080", "https://tile.example.org");
    }

    @Test
    void refusesALayerWithoutTilePlaceholdersOrOutsideTheLimits() {
        assertThatThrownBy(() -> new Layer("a", "https://tile.example.org/tile.png", "", 19))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Layer("a", "javascript:{z}{x}{y}", "", 19))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Layer("A b", "/t/{z}/{x}/{y}.png", "", 19))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Layer("a", "/t/{z}/{x}/{y}.png", "", Layer.MAX_ZOOM + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Layer("a", "/t/{z}/{x}/{y}.png", null, Layer.MAX_ZOOM).maxZoom())
                .isEqualTo(Layer.MAX_ZOOM);
        assertThatThrownBy(() -> new MapLayers(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
