package org.amamo.exchange.internal;

import static org.amamo.platform.SqlTime.instant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.exchange.AuctionResult;
import org.amamo.exchange.CallAuction;
import org.amamo.exchange.ExchangePrices;
import org.amamo.exchange.Order;
import org.amamo.exchange.Side;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeDataViews.AuctionResultView;
import org.amamo.exchange.internal.ExchangeDataViews.IndicativeView;
import org.amamo.exchange.internal.ExchangeRows.AuctionRow;
import org.amamo.exchange.internal.ExchangeRows.Instrument;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.MarketSettlement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange's public market data: before an auction, what it would do with the book now (the indicative price and
 * volume) and the book's depth; after it, each auction's result; and every contract's price for the market's
 * published prices ({@link ExchangePrices}). Nothing here names a trader.
 */
@Service
@Transactional(readOnly = true)
class ExchangeMarketData implements ExchangePrices {

    /** The most auction results one page or answer lists (an instrument has two auctions a business day). */
    static final int RESULTS_LIMIT = 500;

    private final ExchangeStore store;
    private final AuctionStore auctions;
    private final ExchangeQueries queries;
    private final TradingCalendar calendar;
    private final MarketSettlement registry;
    private final JdbcClient jdbc;

    ExchangeMarketData(
            ExchangeStore store,
            AuctionStore auctions,
            ExchangeQueries queries,
            TradingCalendar calendar,
            MarketSettlement registry,
            JdbcClient jdbc) {
        this.store = store;
        this.auctions = auctions;
        this.queries = queries;
        this.calendar = calendar;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** The indicative price and volume of an instrument's next auction; empty for an unknown instrument. */
    Optional<IndicativeView> indicative(long instrumentId) {
        return store.instrument(instrumentId).map(this::indicative);
    }

    /** Every instrument's indicative price and volume, by instrument id. */
    Map<Long, IndicativeView> indicative() {
        Map<Long, IndicativeView> byInstrument = new HashMap<>();
        for (Instrument instrument : store.instruments()) {
            byInstrument.put(instrument.id(), indicative(instrument));
        }
        return byInstrument;
    }

    /**
     * The call auction run now on the orders that take part in the next auction, exactly as the auction will run
     * them ({@link CallAuction#run}, their open units, around the instrument's reference price); nothing is written.
     */
    private IndicativeView indicative(Instrument instrument) {
        List<OrderRow> book = queries.nextBook(instrument.id());
        List<Order> orders = new ArrayList<>(book.size());
        int buyOrders = 0;
        int sellOrders = 0;
        long buyUnits = 0;
        long sellUnits = 0;
        for (OrderRow row : book) {
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
        return new IndicativeView(
                instrument.id(),
                instrument.status() == InstrumentStatus.OPEN ? calendar.nextAuction() : null,
                result.referencePriceJpy(),
                result.priceLimits().lowerJpy(),
                result.priceLimits().upperJpy(),
                result.executed(),
                result.executed() ? result.executionPriceJpy().getAsLong() : null,
                result.executedTradingUnits(),
                buyOrders,
                buyUnits,
                sellOrders,
                sellUnits,
                ExchangeQueries.depth(book));
    }

    /** An instrument's auctions, latest first, at most {@code limit} (up to {@link #RESULTS_LIMIT}). */
    List<AuctionResultView> results(long instrumentId, int limit) {
        return views(auctions.auctions(instrumentId, Math.min(limit, RESULTS_LIMIT)));
    }

    /** Every instrument's auctions, latest first, at most {@code limit} (up to {@link #RESULTS_LIMIT}). */
    List<AuctionResultView> latestResults(int limit) {
        return views(auctions.latestAuctions(Math.min(limit, RESULTS_LIMIT)));
    }

    /** Every auction, oldest first (the open data's CSV). */
    List<AuctionResultView> allResults() {
        return views(auctions.allAuctions());
    }

    /** Each instrument's latest auction, by instrument id (an instrument without one is absent). */
    Map<Long, AuctionResultView> latestByInstrument() {
        Map<Long, AuctionResultView> latest = new HashMap<>();
        for (Instrument instrument : store.instruments()) {
            views(auctions.auctions(instrument.id(), 1)).forEach(view -> latest.put(instrument.id(), view));
        }
        return latest;
    }

    private List<AuctionResultView> views(List<AuctionRow> rows) {
        Map<Long, Instrument> instruments = new HashMap<>();
        store.instruments().forEach(instrument -> instruments.put(instrument.id(), instrument));
        return rows.stream()
                .map(row -> view(row, instruments.get(row.instrumentId())))
                .toList();
    }

    private static AuctionResultView view(AuctionRow auction, Instrument instrument) {
        return new AuctionResultView(
                auction.id(),
                auction.instrumentId(),
                instrument.programmeCode(),
                instrument.creditType(),
                instrument.ecosystemGroup(),
                auction.auctionAt(),
                auction.tradingDay(),
                auction.executionPriceJpy() != null,
                auction.executionPriceJpy(),
                auction.executedTradingUnits(),
                auction.contracts(),
                auction.referencePriceJpy(),
                auction.lowerLimitJpy(),
                auction.upperLimitJpy(),
                auction.buyOrders(),
                auction.buyTradingUnits(),
                auction.sellOrders(),
                auction.sellTradingUnits(),
                auction.nextReferencePriceJpy());
    }

    /**
     * Every contract of every auction at the auction's execution price, whatever became of its settlement since: the
     * price is the auction's, found by every order in the book, and published as such.
     */
    @Override
    public List<Contract> contracts() {
        List<ContractPrice> rows = jdbc.sql("""
                SELECT a.auction_at, c.trading_units, c.price_jpy, c.project_code, c.batch_id
                  FROM exchange_contract c JOIN exchange_auction a ON a.id = c.auction_id
                 ORDER BY a.auction_at, c.id
                """)
                .query((row, n) -> new ContractPrice(
                        new Contract(
                                instant(row, 1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(4)),
                        row.getLong(5)))
                .list();
        Map<Long, String> projectNames = new HashMap<>();
        List<Contract> contracts = new ArrayList<>(rows.size());
        for (ContractPrice row : rows) {
            String name = projectNames.computeIfAbsent(
                    row.batchId(),
                    batchId -> registry.batch(batchId)
                            .map(CreditBatch::projectName)
                            .orElse(row.contract().projectCode()));
            Contract contract = row.contract();
            contracts.add(new Contract(
                    contract.auctionAt(), contract.tradingUnits(), contract.priceJpy(), contract.projectCode(), name));
        }
        return contracts;
    }

    private record ContractPrice(Contract contract, long batchId) {}
}
