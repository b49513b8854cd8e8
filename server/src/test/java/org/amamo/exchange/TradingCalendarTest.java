package org.amamo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The trading calendar with a fixed clock: order windows 9:00 to 11:29 and 12:30 to 14:59 Japan time on business
 * days, auctions at 11:30 and 15:00, weekends and the configured holidays closed.
 */
class TradingCalendarTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String SESSIONS = "09:00-11:30, 12:30-15:00";
    /** 2027-01-11 is a Monday (成人の日), 2026-12-31 a Thursday. */
    private static final String HOLIDAYS = "2026-12-31,2027-01-01, 2027-01-11";

    private static TradingCalendar at(String localDateTime) {
        Instant instant = LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
        return TradingCalendar.of(TOKYO, SESSIONS, HOLIDAYS, Clock.fixed(instant, TOKYO));
    }

    private static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    @Test
    void theMorningWindowOpensAtNineAndTakesOrdersUntilTheLastInstantBeforeTheAuction() {
        assertThat(at("2026-12-08T08:59:59.999").acceptsOrders()).isFalse();
        assertThat(at("2026-12-08T09:00:00").acceptsOrders()).isTrue();
        assertThat(at("2026-12-08T11:29:00").acceptsOrders()).isTrue();
        assertThat(at("2026-12-08T11:29:59.999").acceptsOrders()).isTrue();
        assertThat(at("2026-12-08T11:30:00").acceptsOrders()).isFalse();
    }

    @Test
    void theLunchBreakIsClosedAndTheAfternoonWindowRunsFromHalfPastTwelveToTheThreeOClockAuction() {
        assertThat(at("2026-12-08T12:00:00").acceptsOrders()).isFalse();
        assertThat(at("2026-12-08T12:29:59").acceptsOrders()).isFalse();
        assertThat(at("2026-12-08T12:30:00").acceptsOrders()).isTrue();
        assertThat(at("2026-12-08T14:59:59").acceptsOrders()).isTrue();
        assertThat(at("2026-12-08T15:00:00").acceptsOrders()).isFalse();
        assertThat(at("2026-12-08T23:00:00").acceptsOrders()).isFalse();
    }

    @Test
    void theLastAuctionDueIsTheLatestAtOrBeforeAnInstantOnABusinessDay() {
        TradingCalendar calendar = at("2026-12-08T12:00:00");
        assertThat(calendar.lastAuctionAtOrBefore(tokyo("2026-12-08T11:29:59"), 7))
                .contains(tokyo("2026-12-07T15:00:00"));
        assertThat(calendar.lastAuctionAtOrBefore(tokyo("2026-12-08T11:30:00"), 7))
                .contains(tokyo("2026-12-08T11:30:00"));
        assertThat(calendar.lastAuctionAtOrBefore(tokyo("2026-12-08T16:00:00"), 7))
                .contains(tokyo("2026-12-08T15:00:00"));
        // Monday morning: Friday's afternoon auction; over the new year: Wednesday 30 December's.
        assertThat(calendar.lastAuctionAtOrBefore(tokyo("2026-12-14T09:10:00"), 7))
                .contains(tokyo("2026-12-11T15:00:00"));
        assertThat(calendar.lastAuctionAtOrBefore(tokyo("2027-01-03T12:00:00"), 7))
                .contains(tokyo("2026-12-30T15:00:00"));
        assertThat(calendar.lastAuctionAtOrBefore(tokyo("2027-01-03T12:00:00"), 3))
                .isEmpty();
        assertThat(calendar.isLastAuctionOfDay(tokyo("2026-12-08T15:00:00"))).isTrue();
        assertThat(calendar.isLastAuctionOfDay(tokyo("2026-12-08T11:30:00"))).isFalse();
    }

    @Test
    void theSettlementDateCountsBusinessDaysOnly() {
        TradingCalendar calendar = at("2026-12-08T12:00:00");
        // Friday 4 December plus five business days is Friday 11 December.
        assertThat(calendar.businessDaysAfter(LocalDate.parse("2026-12-04"), 5))
                .isEqualTo(LocalDate.parse("2026-12-11"));
        // From Monday 28 December: 29, 30, (31 and 1 January holidays, a weekend), 4, 5 and 6 January.
        assertThat(calendar.businessDaysAfter(LocalDate.parse("2026-12-28"), 5))
                .isEqualTo(LocalDate.parse("2027-01-06"));
        assertThat(calendar.businessDaysAfter(LocalDate.parse("2026-12-28"), 0))
                .isEqualTo(LocalDate.parse("2026-12-28"));
        assertThatThrownBy(() -> calendar.businessDaysAfter(LocalDate.parse("2026-12-28"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpenWindowNamesItsDayAndTheInstantOfItsAuction() {
        TradingCalendar.OpenWindow window =
                at("2026-12-08T13:00:00").openWindow().orElseThrow();
        assertThat(window.day()).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(window.session().auction()).isEqualTo(LocalTime.of(15, 0));
        assertThat(window.session().lastMinute()).isEqualTo(LocalTime.of(14, 59));
        assertThat(window.auctionAt()).isEqualTo(tokyo("2026-12-08T15:00:00"));
    }

    @Test
    void weekendsAndConfiguredHolidaysHaveNoWindow() {
        assertThat(at("2026-12-05T10:00:00").acceptsOrders()).as("Saturday").isFalse();
        assertThat(at("2026-12-06T10:00:00").acceptsOrders()).as("Sunday").isFalse();
        assertThat(at("2026-12-31T10:00:00").acceptsOrders()).as("holiday").isFalse();
        assertThat(at("2027-01-11T10:00:00").acceptsOrders())
                .as("holiday on a Monday")
                .isFalse();
        assertThat(at("2027-01-12T10:00:00").acceptsOrders())
                .as("the Tuesday after")
                .isTrue();
        TradingCalendar calendar = at("2026-12-08T10:00:00");
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-30"))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-31"))).isFalse();
    }

    @Test
    void theNextAuctionIsTheFirstAtOrAfterNowOnABusinessDay() {
        assertThat(at("2026-12-08T10:00:00").nextAuction()).isEqualTo(tokyo("2026-12-08T11:30:00"));
        assertThat(at("2026-12-08T11:30:00").nextAuction()).isEqualTo(tokyo("2026-12-08T11:30:00"));
        assertThat(at("2026-12-08T11:30:01").nextAuction()).isEqualTo(tokyo("2026-12-08T15:00:00"));
        assertThat(at("2026-12-08T15:00:01").nextAuction()).isEqualTo(tokyo("2026-12-09T11:30:00"));
        // Friday afternoon to Monday morning.
        assertThat(at("2026-12-11T16:00:00").nextAuction()).isEqualTo(tokyo("2026-12-14T11:30:00"));
        // Over the new year: 31 December and 1 January are holidays, 2 and 3 January a weekend.
        assertThat(at("2026-12-30T15:30:00").nextAuction()).isEqualTo(tokyo("2027-01-04T11:30:00"));
    }

    @Test
    void theNextOpeningIsNowDuringAWindowElseTheNextWindowsStart() {
        assertThat(at("2026-12-08T10:00:00").nextOpening()).isEqualTo(tokyo("2026-12-08T10:00:00"));
        assertThat(at("2026-12-08T11:45:00").nextOpening()).isEqualTo(tokyo("2026-12-08T12:30:00"));
        assertThat(at("2026-12-08T15:00:00").nextOpening()).isEqualTo(tokyo("2026-12-09T09:00:00"));
        assertThat(at("2027-01-08T15:00:00").nextOpening()).isEqualTo(tokyo("2027-01-12T09:00:00"));
    }

    @Test
    void aScheduleMustBeWellFormed() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> TradingCalendar.of(TOKYO, "09:00-11:30,11:00-15:00", "", clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingCalendar.of(TOKYO, "11:30-09:00", "", clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingCalendar.of(TOKYO, "", "", clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingCalendar.of(TOKYO, "9-11", "", clock)).isInstanceOf(RuntimeException.class);
    }
}
