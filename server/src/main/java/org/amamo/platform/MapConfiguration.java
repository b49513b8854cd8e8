package org.amamo.platform;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The base maps from {@code amamo.map.*}, as a bean named {@code mapLayers} so that templates read it as
 * {@code ${@mapLayers}} and the security configuration builds its image sources from it.
 */
@Configuration(proxyBeanMethods = false)
class MapConfiguration {

    @Bean
    MapLayers mapLayers(Environment environment) {
        return Binder.get(environment)
                .bind("amamo.map", MapLayers.class)
                .orElseThrow(() -> new IllegalStateException("amamo.map.layers is not configured"));
    }
}
