package org.amamo.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
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

    private static final AtomicReference<LocalDate> LAST_DAY = new AtomicReference<>(LocalDate.of(2027, 3, 1));

    /**
     * A business day no other test of this run has had: tests that run auctions each take their own day, so that
     * an auction one test ran (an instrument's auction runs once per scheduled time) is not another test's. Monday 1
     * March 2027 onwards, weekdays only (the test calendar has no holidays then).
     */
    static LocalDate freshDay() {
        return LAST_DAY.updateAndGet(day -> {
            LocalDate next = day.plusDays(1);
            while (next.getDayOfWeek().getValue() > 5) {
                next = next.plusDays(1);
            }
            return next;
        });
    }

    @Bean
    @Primary
    TradingCalendar exchangeTestTradingCalendar() {
        return TradingCalendar.of(SchemeTime.ZONE, "09:00-11:30,12:30-15:00", "2026-12-31,2027-01-01", CLOCK);
    }
}
