package org.amamo.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, so that rules about windows and deadlines are testable.
 * The scheme runs in Japan: dates are shown and entered in Japan Standard Time.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(SchemeTime.ZONE);
    }
}
