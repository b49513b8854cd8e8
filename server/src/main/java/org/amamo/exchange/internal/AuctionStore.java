package org.amamo.exchange.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.exchange.Fill;
import org.amamo.exchange.Order;
import org.amamo.exchange.Side;
import org.amamo.exchange.internal.ExchangeRows.AuctionRow;
import org.amamo.exchange.internal.ExchangeRows.ContractRow;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The exchange's auctions and contracts, in plain SQL. */
@Repository
class AuctionStore {

    private static final String AUCTION = """
            SELECT id, instrument_id, auction_at, trading_day, reference_price_jpy, lower_limit_jpy, upper_limit_jpy,
                   execution_price_jpy, executed_trading_units, contracts, buy_orders, buy_trading_units, sell_orders,
                   sell_trading_units, next_reference_price_jpy, ran_at, suspended FROM exchange_auction
            """;
    static final String CONTRACT = """
            SELECT id, auction_id, instrument_id, buy_order_id, sell_order_id, buyer_user_id, seller_user_id,
                   trading_units, price_jpy, amount_jpy, escrow_account_id, seller_account_id, batch_id, batch_serial,
                   project_code, vintage, trade_date, settlement_date, status, created_at, paid_by, paid_at,
                   settled_at, lapsed_at FROM exchange_contract
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuctionStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- auctions

    Optional<AuctionRow> auction(long instrumentId, Instant auctionAt) {
        return jdbc.sql(AUCTION + " WHERE instrument_id = ? AND auction_at = ?")
                .params(instrumentId, utc(auctionAt))
                .query(AuctionStore::mapAuction)
                .optional();
    }

    Optional<AuctionRow> auction(long id) {
        return jdbc.sql(AUCTION + " WHERE id = ?")
                .param(id)
                .query(AuctionStore::mapAuction)
                .optional();
    }

    /** An instrument's auctions, latest first. */
    List<AuctionRow> auctions(long instrumentId, int limit) {
        return jdbc.sql(AUCTION + " WHERE instrument_id = ? ORDER BY auction_at DESC LIMIT ?")
                .params(instrumentId, limit)
                .query(AuctionStore::mapAuction)
                .list();
    }

    /** Every auction, oldest first (for the open data). */
    List<AuctionRow> allAuctions() {
        return jdbc.sql(AUCTION + " ORDER BY auction_at, instrument_id")
                .query(AuctionStore::mapAuction)
                .list();
    }

    /** Every instrument's auctions, latest first (the exchange's public results). */
    List<AuctionRow> latestAuctions(int limit) {
        return jdbc.sql(AUCTION + " ORDER BY auction_at DESC, instrument_id LIMIT ?")
                .param(limit)
                .query(AuctionStore::mapAuction)
                .list();
    }

    long insertAuction(AuctionRow auction) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_auction (instrument_id, auction_at, trading_day, reference_price_jpy,
                                              lower_limit_jpy, upper_limit_jpy, execution_price_jpy,
                                              executed_trading_units, contracts, buy_orders, buy_trading_units,
                                              sell_orders, sell_trading_units, next_reference_price_jpy, ran_at,
                                              suspended)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        auction.instrumentId(),
                        utc(auction.auctionAt()),
                        auction.tradingDay(),
                        auction.referencePriceJpy(),
                        auction.lowerLimitJpy(),
                        auction.upperLimitJpy(),
                        auction.executionPriceJpy(),
                        auction.executedTradingUnits(),
                        auction.contracts(),
                        auction.buyOrders(),
                        auction.buyTradingUnits(),
                        auction.sellOrders(),
                        auction.sellTradingUnits(),
                        auction.nextReferencePriceJpy(),
                        utc(auction.ranAt()),
                        auction.suspended())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void referencePrice(long instrumentId, long priceJpy) {
        jdbc.sql("UPDATE exchange_instrument SET reference_price_jpy = ? WHERE id = ?")
                .params(priceJpy, instrumentId)
                .update();
    }

    private static AuctionRow mapAuction(ResultSet row, int n) throws SQLException {
        long price = row.getLong("execution_price_jpy");
        Long executionPrice = row.wasNull() ? null : price;
        return new AuctionRow(
                row.getLong("id"),
                row.getLong("instrument_id"),
                instant(row, "auction_at"),
                row.getObject("trading_day", LocalDate.class),
                row.getLong("reference_price_jpy"),
                row.getLong("lower_limit_jpy"),
                row.getLong("upper_limit_jpy"),
                executionPrice,
                row.getLong("executed_trading_units"),
                row.getInt("contracts"),
                row.getInt("buy_orders"),
                row.getLong("buy_trading_units"),
                row.getInt("sell_orders"),
                row.getLong("sell_trading_units"),
                row.getLong("next_reference_price_jpy"),
                instant(row, "ran_at"),
                row.getBoolean("suspended"));
    }

    // ---- the book at an auction

    /**
     * The orders an auction on {@code day} takes, locked against changes: the active orders of the instrument valid
     * until cancelled, or for that day; in time priority.
     */
    List<OrderRow> bookForUpdate(long instrumentId, LocalDate day) {
        return jdbc.sql(ExchangeStore.ORDER + """
                 WHERE instrument_id = ? AND status = 'ACTIVE' AND (validity = 'GTC' OR trading_day = ?)
                 ORDER BY entry_sequence, id FOR UPDATE
                """)
                .params(instrumentId, day)
                .query(ExchangeStore::mapOrder)
                .list();
    }

    /**
     * Records the fills of an auction on their orders: the filled units added (FILLED when nothing is left open), a
     * sell order's escrow reduced by what now rests under its contracts, and the version moved on so that a change
     * read before the auction is refused as stale.
     */
    void fill(List<Fill> fills) {
        List<Object[]> rows = new ArrayList<>(fills.size());
        for (Fill fill : fills) {
            long escrow = fill.side() == Side.SELL ? fill.tradingUnits() * Order.REGISTRY_UNITS_PER_TRADING_UNIT : 0;
            rows.add(new Object[] {fill.tradingUnits(), fill.tradingUnits(), escrow, fill.orderId()});
        }
        template.batchUpdate("""
                UPDATE exchange_order
                   SET status = CASE WHEN filled_units + ? = trading_units THEN 'FILLED' ELSE status END,
                       filled_units = filled_units + ?, escrowed_units = escrowed_units - ?, version = version + 1
                 WHERE id = ? AND status = 'ACTIVE'
                """, rows);
    }

    void insertContracts(List<ContractRow> contracts) {
        List<Object[]> rows = new ArrayList<>(contracts.size());
        for (ContractRow c : contracts) {
            rows.add(new Object[] {
                c.auctionId(),
                c.instrumentId(),
                c.buyOrderId(),
                c.sellOrderId(),
                c.buyerUserId(),
                c.sellerUserId(),
                c.tradingUnits(),
                c.priceJpy(),
                c.amountJpy(),
                c.escrowAccountId(),
                c.sellerAccountId(),
                c.batchId(),
                c.batchSerial(),
                c.projectCode(),
                c.vintage(),
                c.tradeDate(),
                c.settlementDate(),
                c.status(),
                utc(c.createdAt())
            });
        }
        template.batchUpdate("""
                INSERT INTO exchange_contract (auction_id, instrument_id, buy_order_id, sell_order_id, buyer_user_id,
                                               seller_user_id, trading_units, price_jpy, amount_jpy, escrow_account_id,
                                               seller_account_id, batch_id, batch_serial, project_code, vintage,
                                               trade_date, settlement_date, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    // ---- day orders past their day

    /**
     * Ends the active day orders of an instrument whose trading day is {@code day} or earlier: buy orders EXPIRED
     * at once, sell orders EXPIRING until their units are back with the seller. Returns how many.
     */
    int expireDayOrders(long instrumentId, LocalDate day, Instant now) {
        int buys = jdbc.sql("""
                UPDATE exchange_order SET status = 'EXPIRED', expired_at = ?, version = version + 1
                 WHERE instrument_id = ? AND status = 'ACTIVE' AND validity = 'DAY' AND trading_day <= ?
                   AND side = 'BUY'
                """).params(utc(now), instrumentId, day).update();
        int sells = jdbc.sql("""
                UPDATE exchange_order SET status = 'EXPIRING', version = version + 1
                 WHERE instrument_id = ? AND status = 'ACTIVE' AND validity = 'DAY' AND trading_day <= ?
                   AND side = 'SELL'
                """).params(instrumentId, day).update();
        return buys + sells;
    }

    /** Sell orders whose escrowed units are on their way back to the seller. */
    List<OrderRow> expiring() {
        return jdbc.sql(ExchangeStore.ORDER + " WHERE status = 'EXPIRING' ORDER BY id")
                .query(ExchangeStore::mapOrder)
                .list();
    }

    void expired(long orderId, Instant now) {
        jdbc.sql("""
                UPDATE exchange_order SET status = 'EXPIRED', escrowed_units = 0, expired_at = ?
                 WHERE id = ? AND status = 'EXPIRING'
                """).params(utc(now), orderId).update();
    }

    // ---- contracts

    Optional<ContractRow> contract(long id) {
        return jdbc.sql(CONTRACT + " WHERE id = ?")
                .param(id)
                .query(AuctionStore::mapContract)
                .optional();
    }

    Optional<ContractRow> lockContract(long id) {
        return jdbc.sql(CONTRACT + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(AuctionStore::mapContract)
                .optional();
    }

    List<ContractRow> contractsOfAuction(long auctionId) {
        return jdbc.sql(CONTRACT + " WHERE auction_id = ? ORDER BY id")
                .param(auctionId)
                .query(AuctionStore::mapContract)
                .list();
    }

    /** A user's contracts as buyer or seller, latest first. */
    List<ContractRow> contractsOf(long userId) {
        return jdbc.sql(CONTRACT + " WHERE buyer_user_id = ? OR seller_user_id = ? ORDER BY id DESC LIMIT 500")
                .params(userId, userId)
                .query(AuctionStore::mapContract)
                .list();
    }

    static ContractRow mapContract(ResultSet row, int n) throws SQLException {
        int vintage = row.getInt("vintage");
        Integer vintageOrNull = row.wasNull() ? null : vintage;
        long paidBy = row.getLong("paid_by");
        Long paidByOrNull = row.wasNull() ? null : paidBy;
        return new ContractRow(
                row.getLong("id"),
                row.getLong("auction_id"),
                row.getLong("instrument_id"),
                row.getLong("buy_order_id"),
                row.getLong("sell_order_id"),
                row.getLong("buyer_user_id"),
                row.getLong("seller_user_id"),
                row.getLong("trading_units"),
                row.getLong("price_jpy"),
                row.getLong("amount_jpy"),
                row.getLong("escrow_account_id"),
                row.getLong("seller_account_id"),
                row.getLong("batch_id"),
                row.getString("batch_serial"),
                row.getString("project_code"),
                vintageOrNull,
                row.getObject("trade_date", LocalDate.class),
                row.getObject("settlement_date", LocalDate.class),
                row.getString("status"),
                instant(row, "created_at"),
                paidByOrNull,
                instant(row, "paid_at"),
                instant(row, "settled_at"),
                instant(row, "lapsed_at"));
    }
}
