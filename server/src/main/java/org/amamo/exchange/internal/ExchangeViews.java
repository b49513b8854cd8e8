package org.amamo.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the exchange's pages and API show. Prices in whole yen per t-CO2, quantities in trading units of 1 t-CO2. */
final class ExchangeViews {

    private ExchangeViews() {}

    /**
     * An instrument: its trading category, reference price and price limits (both admitted), status and the next
     * auction (none is run yet by this version: the auction's scheduler is the next slice).
     */
    record InstrumentView(
            long id,
            String programmeCode,
            String creditType,
            String ecosystemGroup,
            long referencePriceJpy,
            long lowerLimitJpy,
            long upperLimitJpy,
            String status,
            Instant nextAuctionAt) {}

    /**
     * One of my orders. {@code status}: PENDING, ACTIVE, CHANGING, CANCELLING, CANCELLED, or EXPIRED for a day order
     * of an earlier trading day (cancel it to have a sell order's units back). {@code escrowedCreditUnits}: registry
     * units of 0.1 t-CO2 in the instrument's escrow for it.
     */
    record OrderView(
            long id,
            long instrumentId,
            String instrument,
            String side,
            long limitPriceJpy,
            long tradingUnits,
            String validity,
            String status,
            long entrySequence,
            LocalDate tradingDay,
            Long fromAccountId,
            String batchSerial,
            Integer vintage,
            long escrowedCreditUnits,
            Instant enteredAt,
            Instant changedAt,
            Instant cancelledAt,
            long filledUnits,
            boolean cancellable) {

        /** Whether the order can still be cancelled: in the book, or a day order past its day not yet ended. */
        public boolean open() {
            return cancellable;
        }
    }

    /** One price level of an instrument's order book: the trading units to buy and to sell at that limit price. */
    record DepthLevel(long priceJpy, long buyTradingUnits, long sellTradingUnits) {}

    /** The trading calendar: sessions (opening and auction, Japan time), holidays, and what comes next. */
    record CalendarView(
            List<String> sessions,
            List<LocalDate> holidays,
            boolean acceptingOrders,
            Instant nextOpeningAt,
            Instant nextAuctionAt) {}

    /**
     * A holder's approval for trading, and {@code lapses}: how many of its contracts as buyer lapsed unpaid after
     * their settlement date.
     */
    record TraderView(long userId, String name, String email, String status, Instant decidedAt, long lapses) {}
}
