package org.amamo.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.amamo.exchange.TradingCalendar;
import org.amamo.platform.SchemeTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The exchange's calendar on a clock the tests set (the rest of the application keeps the system clock): the
 * configured sessions and holidays, at whatever Japan time a test needs.
 */
@TestConfiguration(proxyBeanMethods = false)
class ExchangeTestCalendar {

    /** A clock that stands still where a test puts it. */
    static final class SetClock extends Clock {

        private volatile Instant now = Instant.now();

        void setTokyo(String localDateTime) {
            now = LocalDateTime.parse(localDateTime).atZone(SchemeTime.ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return SchemeTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The exchange's clock in these tests (not a bean: the application's own clock stays the one). */
    static final SetClock CLOCK = new SetClock();

    @Bean
    @Primary
    TradingCalendar exchangeTestTradingCalendar() {
        return TradingCalendar.of(SchemeTime.ZONE, "09:00-11:30,12:30-15:00", "2026-12-31,2027-01-01", CLOCK);
    }
}
