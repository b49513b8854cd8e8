package org.amamo.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.exchange.AuctionResult;
import org.amamo.exchange.CallAuction;
import org.amamo.exchange.Match;
import org.amamo.exchange.Order;
import org.amamo.exchange.Side;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeRows.AuctionRow;
import org.amamo.exchange.internal.ExchangeRows.ContractRow;
import org.amamo.exchange.internal.ExchangeRows.Instrument;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the call auctions. For each open instrument, the latest scheduled auction at or before now runs once, unless
 * an order window has opened since (an auction missed while no server ran is skipped, and its orders meet in the
 * next one). One auction is one database transaction: the instrument is locked, the book (active orders valid
 * until cancelled or for the auction's day) is locked and run through {@link CallAuction}, and the auction row, its
 * contracts ({@link Match#pair}), the orders' fills and the new reference price are written together. The auction
 * row is unique per instrument and time, so a restart or a second server instance finds it done and runs nothing
 * again; a crash before the commit leaves nothing, and the auction runs whole on the next pass.
 *
 * <p>After the day's last auction, day orders end: a buy order is EXPIRED at once, a sell order EXPIRING until
 * the registry has returned its open units from escrow to the seller's account (key
 * {@code exchange-order-<id>-expire}; retried on every pass until done). Day orders of a day whose last auction did
 * not run for their instrument (suspended, or no server) end on the next day's first pass.
 */
@Service
class AuctionRun {

    private static final Logger log = LoggerFactory.getLogger(AuctionRun.class);

    /** How far back a pass looks for an auction not yet run (a long weekend and some). */
    private static final int LOOK_BACK_DAYS = 7;

    private final ExchangeStore store;
    private final AuctionStore auctions;
    private final MarketSettlement registry;
    private final TradingCalendar calendar;
    private final TransactionTemplate transactions;
    private final int settlementDays;

    AuctionRun(
            ExchangeStore store,
            AuctionStore auctions,
            MarketSettlement registry,
            TradingCalendar calendar,
            PlatformTransactionManager transactionManager,
            @Value("${amamo.exchange.settlement-days:5}") int settlementDays) {
        this.store = store;
        this.auctions = auctions;
        this.registry = registry;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        if (settlementDays < 1 || settlementDays > 30) {
            throw new IllegalArgumentException("amamo.exchange.settlement-days must be 1 to 30: " + settlementDays);
        }
        this.settlementDays = settlementDays;
    }

    /** What one pass did. */
    record Pass(int auctionsRun, int ordersExpired, int unitsReturned) {}

    /** One pass of the scheduler: the due auctions, then the day orders past their day. */
    Pass runDue() {
        Instant now = calendar.now();
        int run = 0;
        int expired = 0;
        Optional<Instant> due =
                calendar.acceptsOrders() ? Optional.empty() : calendar.lastAuctionAtOrBefore(now, LOOK_BACK_DAYS);
        for (Instrument instrument : store.instruments()) {
            try {
                if (due.isPresent()
                        && auctions.auction(instrument.id(), due.get()).isEmpty()) {
                    if (run(instrument.id(), due.get()).isPresent()) {
                        run++;
                    }
                }
                LocalDate yesterday = calendar.today().minusDays(1);
                int ended = transactions.execute(tx -> auctions.expireDayOrders(instrument.id(), yesterday, now));
                expired += ended;
            } catch (RuntimeException failed) {
                // One instrument's failure (the database gone for a moment, say) must not stop the others' auctions;
                // nothing of it was committed, and the next pass tries again.
                log.error("exchange: the auction pass of instrument {} failed", instrument.id(), failed);
            }
        }
        int returned = returnExpiredUnits();
        if (run + expired + returned > 0) {
            log.info(
                    "exchange: {} auctions run, {} day orders ended, {} sell orders' units returned",
                    run,
                    expired,
                    returned);
        }
        return new Pass(run, expired, returned);
    }

    /**
     * Runs the auction of an instrument at a scheduled time, once: the auction as it ran (now or before; marked
     * suspended, with nothing auctioned, if the instrument was suspended when it came to run), or empty when the
     * instrument was created after that time.
     */
    Optional<AuctionRow> run(long instrumentId, Instant auctionAt) {
        Optional<AuctionRow> done = transactions.execute(tx -> {
            Instrument instrument = store.lockInstrument(instrumentId).orElseThrow();
            Optional<AuctionRow> before = auctions.auction(instrumentId, auctionAt);
            if (before.isPresent()) {
                return before;
            }
            if (instrument.createdAt().isAfter(auctionAt)) {
                return Optional.<AuctionRow>empty();
            }
            if (instrument.status() != InstrumentStatus.OPEN) {
                return Optional.of(suspended(instrument, auctionAt));
            }
            return Optional.of(execute(instrument, auctionAt));
        });
        if (done.isPresent()) {
            returnExpiredUnits();
        }
        return done;
    }

    private AuctionRow suspended(Instrument instrument, Instant auctionAt) {
        long reference = instrument.referencePriceJpy();
        long id = auctions.insertAuction(new AuctionRow(
                0,
                instrument.id(),
                auctionAt,
                calendar.dayOf(auctionAt),
                reference,
                instrument.limits().lowerJpy(),
                instrument.limits().upperJpy(),
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                reference,
                calendar.now(),
                true));
        return auctions.auction(id).orElseThrow();
    }

    private AuctionRow execute(Instrument instrument, Instant auctionAt) {
        LocalDate day = calendar.dayOf(auctionAt);
        List<OrderRow> book = auctions.bookForUpdate(instrument.id(), day);
        Map<Long, OrderRow> byId = new HashMap<>();
        List<Order> orders = new ArrayList<>(book.size());
        int buyOrders = 0;
        int sellOrders = 0;
        long buyUnits = 0;
        long sellUnits = 0;
        for (OrderRow row : book) {
            byId.put(row.id(), row);
            orders.add(row.forAuction());
            if (row.side() == Side.BUY) {
                buyOrders++;
                buyUnits += row.openUnits();
            } else {
                sellOrders++;
                sellUnits += row.openUnits();
            }
        }
        AuctionResult result = CallAuction.run(orders, instrument.referencePriceJpy());
        List<Match> matches = Match.pair(result.fills());
        Instant now = calendar.now();
        long auctionId = auctions.insertAuction(new AuctionRow(
                0,
                instrument.id(),
                auctionAt,
                day,
                result.referencePriceJpy(),
                result.priceLimits().lowerJpy(),
                result.priceLimits().upperJpy(),
                result.executed() ? result.executionPriceJpy().getAsLong() : null,
                result.executedTradingUnits(),
                matches.size(),
                buyOrders,
                buyUnits,
                sellOrders,
                sellUnits,
                result.nextReferencePriceJpy(),
                now,
                false));
        if (result.executed()) {
            long price = result.executionPriceJpy().getAsLong();
            LocalDate settlement = calendar.businessDaysAfter(day, settlementDays);
            List<ContractRow> contracts = new ArrayList<>(matches.size());
            for (Match match : matches) {
                OrderRow buy = byId.get(match.buyOrderId());
                OrderRow sell = byId.get(match.sellOrderId());
                contracts.add(new ContractRow(
                        0,
                        auctionId,
                        instrument.id(),
                        buy.id(),
                        sell.id(),
                        buy.userId(),
                        sell.userId(),
                        match.tradingUnits(),
                        price,
                        Math.multiplyExact(match.tradingUnits(), price),
                        instrument.escrowAccountId(),
                        sell.fromAccountId(),
                        sell.batchId(),
                        sell.batchSerial(),
                        sell.projectCode(),
                        sell.vintage(),
                        day,
                        settlement,
                        "AWAITING_PAYMENT",
                        now,
                        null,
                        null,
                        null,
                        null));
            }
            auctions.fill(result.fills());
            auctions.insertContracts(contracts);
            auctions.referencePrice(instrument.id(), price);
        }
        if (calendar.isLastAuctionOfDay(auctionAt)) {
            auctions.expireDayOrders(instrument.id(), day, now);
        }
        return auctions.auction(auctionId).orElseThrow();
    }

    /** Returns the open units of expiring sell orders from escrow to their sellers; how many orders were done. */
    int returnExpiredUnits() {
        int done = 0;
        for (OrderRow order : auctions.expiring()) {
            Instrument instrument = store.instrument(order.instrumentId()).orElseThrow();
            if (order.escrowedUnits() > 0) {
                MarketMove move = registry.release(
                        instrument.escrowAccountId(),
                        order.batchId(),
                        order.escrowedUnits(),
                        order.fromAccountId(),
                        null,
                        "exchange-order-" + order.id() + "-expire");
                if (!move.done()) {
                    log.warn("exchange: the units of expired order {} did not return: {}", order.id(), move.refusals());
                    continue;
                }
            }
            transactions.executeWithoutResult(tx -> auctions.expired(order.id(), calendar.now()));
            done++;
        }
        return done;
    }
}
