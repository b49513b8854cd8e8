package org.amamo.exchange.internal;

import java.time.Clock;
import org.amamo.exchange.TradingCalendar;
import org.amamo.platform.SchemeTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange's trading calendar from the configuration: {@code amamo.exchange.sessions} (order windows, each
 * written opening-auction, e.g. {@code 09:00-11:30,12:30-15:00}) and {@code amamo.exchange.holidays} (ISO dates),
 * in the scheme's time zone, on the application's clock.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeCalendar {

    @Bean
    TradingCalendar tradingCalendar(
            @Value("${amamo.exchange.sessions:09:00-11:30,12:30-15:00}") String sessions,
            @Value("${amamo.exchange.holidays:}") String holidays,
            Clock clock) {
        return TradingCalendar.of(SchemeTime.ZONE, sessions, holidays, clock);
    }
}
