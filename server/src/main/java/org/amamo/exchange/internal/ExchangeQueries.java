package org.amamo.exchange.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amamo.exchange.PriceLimits;
import org.amamo.exchange.Side;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeRows.Instrument;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.exchange.internal.ExchangeViews.CalendarView;
import org.amamo.exchange.internal.ExchangeViews.DepthLevel;
import org.amamo.exchange.internal.ExchangeViews.InstrumentView;
import org.amamo.exchange.internal.ExchangeViews.OrderView;
import org.amamo.exchange.internal.ExchangeViews.TraderView;
import org.amamo.identity.UserDirectory;
import org.springframework.stereotype.Component;

/** Reads for the exchange's pages and API. */
@Component
class ExchangeQueries {

    private final ExchangeStore store;
    private final TradingCalendar calendar;
    private final UserDirectory users;
    private final SettlementStore settlements;

    ExchangeQueries(ExchangeStore store, TradingCalendar calendar, UserDirectory users, SettlementStore settlements) {
        this.store = store;
        this.calendar = calendar;
        this.users = users;
        this.settlements = settlements;
    }

    List<InstrumentView> instruments() {
        java.time.Instant next = calendar.nextAuction();
        return store.instruments().stream().map(i -> view(i, next)).toList();
    }

    Optional<InstrumentView> instrument(long id) {
        return store.instrument(id).map(i -> view(i, calendar.nextAuction()));
    }

    private static InstrumentView view(Instrument instrument, java.time.Instant nextAuction) {
        PriceLimits limits = instrument.limits();
        return new InstrumentView(
                instrument.id(),
                instrument.programmeCode(),
                instrument.creditType(),
                instrument.ecosystemGroup(),
                instrument.referencePriceJpy(),
                limits.lowerJpy(),
                limits.upperJpy(),
                instrument.status().name(),
                instrument.status() == InstrumentStatus.OPEN ? nextAuction : null);
    }

    List<OrderView> ordersOf(long userId) {
        Map<Long, Instrument> instruments =
                store.instruments().stream().collect(Collectors.toMap(Instrument::id, Function.identity()));
        LocalDate today = calendar.today();
        return store.ordersOf(userId).stream()
                .map(order -> view(order, instruments.get(order.instrumentId()), today))
                .toList();
    }

    Optional<OrderView> order(long id, long userId) {
        return store.order(id)
                .filter(order -> order.userId() == userId)
                .map(order -> view(order, store.instrument(order.instrumentId()).orElseThrow(), calendar.today()));
    }

    /** Whether a day order belongs to an earlier trading day: it no longer takes part in an auction. */
    static boolean expired(OrderRow order, LocalDate today) {
        return order.validity() == Validity.DAY && order.tradingDay().isBefore(today);
    }

    private static OrderView view(OrderRow order, Instrument instrument, LocalDate today) {
        String status = order.status() == OrderStatus.ACTIVE && expired(order, today)
                ? "EXPIRING"
                : order.status().name();
        return new OrderView(
                order.id(),
                order.instrumentId(),
                instrument.code(),
                order.side().name(),
                order.limitPriceJpy(),
                order.tradingUnits(),
                order.validity().name(),
                status,
                order.entrySequence(),
                order.tradingDay(),
                order.fromAccountId(),
                order.batchSerial(),
                order.vintage(),
                order.escrowedUnits(),
                order.enteredAt(),
                order.changedAt(),
                order.cancelledAt(),
                order.filledUnits(),
                order.status() == OrderStatus.ACTIVE);
    }

    /**
     * The order book's depth: per limit price, highest first, the trading units of the active orders that would take
     * part in the next auction ({@link #nextBook}); no identities.
     */
    List<DepthLevel> depth(long instrumentId) {
        return depth(nextBook(instrumentId));
    }

    /** The depth of a book: per limit price, highest first, the open trading units to buy and to sell. */
    static List<DepthLevel> depth(List<OrderRow> book) {
        TreeMap<Long, long[]> levels = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (OrderRow order : book) {
            long[] level = levels.computeIfAbsent(order.limitPriceJpy(), price -> new long[2]);
            level[order.side() == Side.BUY ? 0 : 1] += order.openUnits();
        }
        return levels.entrySet().stream()
                .map(e -> new DepthLevel(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /**
     * The orders the next auction would take if it ran now, as the auction takes them ({@code
     * AuctionStore.bookForUpdate}): the active orders valid until cancelled, or day orders of the auction's day; in
     * time priority. A day order of an earlier day, or of today after its last auction, takes no part.
     */
    List<OrderRow> nextBook(long instrumentId) {
        LocalDate auctionDay = calendar.dayOf(calendar.nextAuction());
        return store.activeOrders(instrumentId).stream()
                .filter(order ->
                        order.validity() == Validity.GTC || order.tradingDay().equals(auctionDay))
                .filter(order -> order.openUnits() > 0)
                .toList();
    }

    CalendarView calendar() {
        return new CalendarView(
                calendar.sessions().stream()
                        .map(s -> s.opens() + "-" + s.auction())
                        .toList(),
                calendar.holidays().stream()
                        .filter(day -> !day.isBefore(calendar.today()))
                        .toList(),
                calendar.acceptsOrders(),
                calendar.nextOpening(),
                calendar.nextAuction());
    }

    List<TraderView> traders() {
        Map<Long, Long> lapses = settlements.lapsesByBuyer();
        return store.traders().stream()
                .map(trader -> {
                    long lapsed = lapses.getOrDefault(trader.userId(), 0L);
                    return users.find(trader.userId())
                            .map(user -> new TraderView(
                                    user.userId(),
                                    user.fullName(),
                                    user.email(),
                                    trader.status(),
                                    trader.decidedAt(),
                                    lapsed))
                            .orElse(new TraderView(
                                    trader.userId(), "", "", trader.status(), trader.decidedAt(), lapsed));
                })
                .toList();
    }

    boolean approved(long userId) {
        return store.approved(userId);
    }
}
