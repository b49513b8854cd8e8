package org.amamo.exchange;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exchange's trading calendar: on each business day (Monday to Friday, except the configured holidays) a number
 * of sessions, each an order window that ends in a call auction. The default is that of JPX's carbon credit market:
 * orders from 9:00 until the auction at 11:30 and from 12:30 until the auction at 15:00, Japan time. An order window
 * includes its opening instant and ends just before its auction: at 11:29:59 orders are taken, at 11:30:00 no longer.
 *
 * <p>Pure: the answer depends only on the schedule, the holidays and the clock, so that tests fix the clock.
 */
public final class TradingCalendar {

    /**
     * One session: the order window from {@code opens} (included) to {@code auction} (excluded), then the auction.
     *
     * @param opens the first instant orders are taken, local time
     * @param auction the time of the call auction, local time; the window closes at it
     */
    public record Session(LocalTime opens, LocalTime auction) {

        public Session {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(auction, "auction");
            if (!auction.isAfter(opens)) {
                throw new IllegalArgumentException(
                        "a session's auction comes after its opening: " + opens + "-" + auction);
            }
        }

        /**
         * A session written {@code 09:00-11:30}: the window's opening and the auction's time.
         *
         * @throws IllegalArgumentException if the text is not of that form
         */
        public static Session parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a session is written 09:00-11:30: " + text);
            }
            return new Session(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }

        /** The last minute orders are taken, for display: 11:29 for an auction at 11:30. */
        public LocalTime lastMinute() {
            return auction.minusMinutes(1);
        }
    }

    /** An open order window: the business day, the session and the instant of its auction. */
    public record OpenWindow(LocalDate day, Session session, Instant auctionAt) {}

    private final ZoneId zone;
    private final List<Session> sessions;
    private final Set<LocalDate> holidays;
    private final Clock clock;

    /**
     * @param zone the market's time zone (Asia/Tokyo)
     * @param sessions the day's sessions; they may not overlap
     * @param holidays days without trading besides Saturdays and Sundays
     * @param clock the clock that says what time it is
     */
    public TradingCalendar(ZoneId zone, List<Session> sessions, Set<LocalDate> holidays, Clock clock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(Session::opens));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a trading day has at least one session");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).opens().isBefore(sorted.get(i - 1).auction())) {
                throw new IllegalArgumentException("sessions overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        this.sessions = List.copyOf(sorted);
        this.holidays = Set.copyOf(new TreeSet<>(holidays));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A calendar from its configuration texts: sessions like {@code 09:00-11:30,12:30-15:00} and holidays like
     * {@code 2026-12-31,2027-01-01} (blank: none).
     */
    public static TradingCalendar of(ZoneId zone, String sessions, String holidays, Clock clock) {
        List<Session> parsed = new ArrayList<>();
        for (String session : sessions.split(",")) {
            if (!session.isBlank()) {
                parsed.add(Session.parse(session));
            }
        }
        Set<LocalDate> days = new TreeSet<>();
        for (String day : holidays == null ? new String[0] : holidays.split(",")) {
            if (!day.isBlank()) {
                days.add(LocalDate.parse(day.strip()));
            }
        }
        return new TradingCalendar(zone, parsed, days, clock);
    }

    /** Now, on the market's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The market's date today. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** The configured holidays, earliest first. */
    public List<LocalDate> holidays() {
        return holidays.stream().sorted().toList();
    }

    /** Whether the market trades on this day: Monday to Friday and not a holiday. */
    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The order window open now, if one is. */
    public Optional<OpenWindow> openWindow() {
        return openWindowAt(clock.instant());
    }

    /** The order window open at an instant, if one is. */
    public Optional<OpenWindow> openWindowAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!isBusinessDay(day)) {
            return Optional.empty();
        }
        for (Session session : sessions) {
            ZonedDateTime opens = day.atTime(session.opens()).atZone(zone);
            ZonedDateTime auction = day.atTime(session.auction()).atZone(zone);
            if (!local.isBefore(opens) && local.isBefore(auction)) {
                return Optional.of(new OpenWindow(day, session, auction.toInstant()));
            }
        }
        return Optional.empty();
    }

    /** Whether orders may be entered, changed or cancelled now. */
    public boolean acceptsOrders() {
        return openWindow().isPresent();
    }

    /** The next auction at or after now. */
    public Instant nextAuction() {
        return nextAuctionFrom(clock.instant());
    }

    /** The first auction at or after an instant (a calendar with no business day for ten years has none: refused). */
    public Instant nextAuctionFrom(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < 3660; i++, day = day.plusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            for (Session session : sessions) {
                ZonedDateTime auction = day.atTime(session.auction()).atZone(zone);
                if (!auction.isBefore(local)) {
                    return auction.toInstant();
                }
            }
        }
        throw new IllegalStateException("no business day in ten years: check amamo.exchange.holidays");
    }

    /**
     * The latest auction at or before an instant, looking back at most {@code days} calendar days; empty if none
     * was scheduled in that time.
     */
    public Optional<Instant> lastAuctionAtOrBefore(Instant instant, int days) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= days; i++, day = day.minusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            for (int s = sessions.size() - 1; s >= 0; s--) {
                ZonedDateTime auction = day.atTime(sessions.get(s).auction()).atZone(zone);
                if (!auction.isAfter(local)) {
                    return Optional.of(auction.toInstant());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an auction instant is the last of its trading day, after which day orders expire. */
    public boolean isLastAuctionOfDay(Instant auction) {
        ZonedDateTime local = auction.atZone(zone);
        return local.toLocalTime().equals(sessions.get(sessions.size() - 1).auction());
    }

    /** The market's date of an instant. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * The business day {@code n} business days after a day (T+n): 2026-12-04 (a Friday) plus 5 is 2026-12-11, and a
     * holiday in between moves it one day further.
     */
    public LocalDate businessDaysAfter(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate result = day;
        int counted = 0;
        for (int i = 0; counted < n; i++) {
            if (i > 3660) {
                throw new IllegalStateException("no business day in ten years: check amamo.exchange.holidays");
            }
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                counted++;
            }
        }
        return result;
    }

    /** The next opening of an order window at or after now (now itself while a window is open). */
    public Instant nextOpening() {
        Instant now = clock.instant();
        Optional<OpenWindow> open = openWindowAt(now);
        if (open.isPresent()) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < 3660; i++, day = day.plusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            for (Session session : sessions) {
                ZonedDateTime opens = day.atTime(session.opens()).atZone(zone);
                if (!opens.isBefore(local)) {
                    return opens.toInstant();
                }
            }
        }
        throw new IllegalStateException("no business day in ten years: check amamo.exchange.holidays");
    }
}
