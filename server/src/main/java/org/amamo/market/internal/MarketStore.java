package org.amamo.market.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;
import static org.amamo.platform.SqlValues.nullableLong;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amamo.market.internal.MarketRows.Allocation;
import org.amamo.market.internal.MarketRows.Bid;
import org.amamo.market.internal.MarketRows.Consignment;
import org.amamo.market.internal.MarketRows.ReportedTrade;
import org.amamo.market.internal.MarketRows.Round;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The market's tables, in plain SQL. */
@Repository
class MarketStore {

    private static final String ROUND = """
            SELECT id, title, rules, minimum_price_jpy, opens_at, closes_at, payment_days, status, escrow_account_id,
                   created_at, opened_at, closed_at, allocated_at, payment_due_at, settled_at, title_en, rules_en
            FROM market_round
            """;
    private static final String CONSIGNMENT = """
            SELECT id, round_id, consignor_user_id, from_account_id, batch_id, batch_serial, project_code,
                   project_name, vintage, credit_units, status, released_units, consigned_at FROM market_consignment
            """;
    private static final String BID = """
            SELECT id, round_id, buyer_user_id, project_code, credit_units, price_jpy, purpose, retire_at_once,
                   beneficiary, emissions_offset, disclose_name, status, placed_at FROM market_bid
            """;
    private static final String ALLOCATION = """
            SELECT id, round_id, bid_id, consignment_id, credit_units, price_jpy, amount_jpy, status, paid_at,
                   settled_at, lapsed_at, buyer_account_id, retirement_id, serial_ranges FROM market_allocation
            """;
    private static final String TRADE = """
            SELECT id, seller_user_id, from_account_id, to_account_id, batch_id, batch_serial, project_code,
                   project_name, vintage, credit_units, price_jpy, reported_at FROM market_reported_trade
            """;

    private final JdbcClient jdbc;

    MarketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rounds

    long insertRound(
            String title,
            String rules,
            BigDecimal minimumPriceJpy,
            Instant opensAt,
            Instant closesAt,
            int paymentDays,
            String titleEn,
            String rulesEn,
            long createdBy,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO market_round (title, rules, minimum_price_jpy, opens_at, closes_at, payment_days, status,
                                          created_by, created_at, title_en, rules_en)
                VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)
                """)
                .params(
                        title,
                        rules,
                        minimumPriceJpy,
                        utc(opensAt),
                        utc(closesAt),
                        paymentDays,
                        createdBy,
                        utc(now),
                        titleEn,
                        rulesEn)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void setEscrow(long roundId, long escrowAccountId) {
        jdbc.sql("UPDATE market_round SET escrow_account_id = ? WHERE id = ?")
                .params(escrowAccountId, roundId)
                .update();
    }

    Optional<Round> round(long id) {
        return jdbc.sql(ROUND + " WHERE id = ?").param(id).query(this::mapRound).optional();
    }

    /** The round's row, locked: bids, closing and allocation of one round queue here. */
    Optional<Round> lockRound(long id) {
        return jdbc.sql(ROUND + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::mapRound)
                .optional();
    }

    List<Round> rounds(List<RoundStatus> statuses, int limit) {
        return jdbc.sql(ROUND + " WHERE status IN (:statuses) ORDER BY id DESC LIMIT :limit")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query(this::mapRound)
                .list();
    }

    List<Long> roundsClosingBy(Instant now) {
        return jdbc.sql("SELECT id FROM market_round WHERE status = 'OPEN' AND closes_at <= ? ORDER BY id")
                .param(utc(now))
                .query(Long.class)
                .list();
    }

    void moveRound(long id, RoundStatus status, String timeColumn, Instant at) {
        jdbc.sql("UPDATE market_round SET status = ?, " + timeColumn + " = ? WHERE id = ?")
                .params(status.name(), utc(at), id)
                .update();
    }

    void allocated(long id, Instant at, Instant paymentDueAt) {
        jdbc.sql("UPDATE market_round SET status = 'ALLOCATED', allocated_at = ?, payment_due_at = ? WHERE id = ?")
                .params(utc(at), utc(paymentDueAt), id)
                .update();
    }

    // ---- consignments

    long insertConsignment(
            long roundId,
            long consignorUserId,
            long fromAccountId,
            long batchId,
            String batchSerial,
            String projectCode,
            String projectName,
            int vintage,
            long units,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO market_consignment (round_id, consignor_user_id, from_account_id, batch_id, batch_serial,
                       project_code, project_name, vintage, credit_units, status, consigned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                """)
                .params(
                        roundId,
                        consignorUserId,
                        fromAccountId,
                        batchId,
                        batchSerial,
                        projectCode,
                        projectName,
                        vintage,
                        units,
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void consignmentStatus(long id, String status) {
        jdbc.sql("UPDATE market_consignment SET status = ? WHERE id = ?")
                .params(status, id)
                .update();
    }

    void deleteConsignment(long id) {
        jdbc.sql("DELETE FROM market_consignment WHERE id = ?").param(id).update();
    }

    void released(long id, long units, Instant at) {
        jdbc.sql(
                        "UPDATE market_consignment SET status = 'RELEASED', released_units = ?, released_at = ? WHERE id = ? AND status <> 'RELEASED'")
                .params(units, utc(at), id)
                .update();
    }

    List<Consignment> consignments(long roundId) {
        return jdbc.sql(CONSIGNMENT + " WHERE round_id = ? ORDER BY id")
                .param(roundId)
                .query(this::mapConsignment)
                .list();
    }

    Optional<Consignment> consignment(long id) {
        return jdbc.sql(CONSIGNMENT + " WHERE id = ?")
                .param(id)
                .query(this::mapConsignment)
                .optional();
    }

    List<Consignment> consignmentsOf(long userId, int limit) {
        return jdbc.sql(CONSIGNMENT + " WHERE consignor_user_id = ? ORDER BY id DESC LIMIT ?")
                .params(userId, limit)
                .query(this::mapConsignment)
                .list();
    }

    // ---- bids

    long insertBid(long roundId, long buyerUserId, BidTerms terms, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO market_bid (round_id, buyer_user_id, project_code, credit_units, price_jpy, purpose,
                       retire_at_once, beneficiary, emissions_offset, disclose_name, status, placed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                """)
                .params(
                        roundId,
                        buyerUserId,
                        terms.projectCode(),
                        terms.creditUnits(),
                        terms.priceJpy(),
                        terms.purpose(),
                        terms.retireAtOnce(),
                        terms.beneficiary(),
                        terms.emissionsOffset(),
                        terms.discloseName(),
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** A changed bid takes the time of the change: it is a new bid as far as time priority goes. */
    void updateBid(long id, BidTerms terms, Instant now) {
        jdbc.sql("""
                UPDATE market_bid SET project_code = ?, credit_units = ?, price_jpy = ?, purpose = ?,
                       retire_at_once = ?, beneficiary = ?, emissions_offset = ?, disclose_name = ?, placed_at = ?
                 WHERE id = ?
                """)
                .params(
                        terms.projectCode(),
                        terms.creditUnits(),
                        terms.priceJpy(),
                        terms.purpose(),
                        terms.retireAtOnce(),
                        terms.beneficiary(),
                        terms.emissionsOffset(),
                        terms.discloseName(),
                        utc(now),
                        id)
                .update();
    }

    void withdrawBid(long id, Instant now) {
        jdbc.sql("UPDATE market_bid SET status = 'WITHDRAWN', withdrawn_at = ? WHERE id = ?")
                .params(utc(now), id)
                .update();
    }

    Optional<Bid> bid(long id) {
        return jdbc.sql(BID + " WHERE id = ?").param(id).query(this::mapBid).optional();
    }

    List<Bid> activeBids(long roundId) {
        return jdbc.sql(BID + " WHERE round_id = ? AND status = 'ACTIVE' ORDER BY id")
                .param(roundId)
                .query(this::mapBid)
                .list();
    }

    List<Bid> bidsOf(long buyerUserId, Long roundId, int limit) {
        return jdbc.sql(BID + " WHERE buyer_user_id = :buyer AND (CAST(:round AS BIGINT) IS NULL OR round_id = :round)"
                        + " ORDER BY id DESC LIMIT :limit")
                .param("buyer", buyerUserId)
                .param("round", roundId)
                .param("limit", limit)
                .query(this::mapBid)
                .list();
    }

    long activeBidCount(long roundId, Long buyerUserId) {
        return jdbc.sql("SELECT COUNT(*) FROM market_bid WHERE round_id = :round AND status = 'ACTIVE'"
                        + " AND (CAST(:buyer AS BIGINT) IS NULL OR buyer_user_id = :buyer)")
                .param("round", roundId)
                .param("buyer", buyerUserId)
                .query(Long.class)
                .single();
    }

    // ---- allocations

    long insertAllocation(
            long roundId, long bidId, long consignmentId, long units, BigDecimal priceJpy, BigDecimal amountJpy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO market_allocation (round_id, bid_id, consignment_id, credit_units, price_jpy, amount_jpy,
                                               status)
                VALUES (?, ?, ?, ?, ?, ?, 'AWAITING_PAYMENT')
                """)
                .params(roundId, bidId, consignmentId, units, priceJpy, amountJpy)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Allocation> allocation(long id) {
        return jdbc.sql(ALLOCATION + " WHERE id = ?")
                .param(id)
                .query(this::mapAllocation)
                .optional();
    }

    Optional<Allocation> lockAllocation(long id) {
        return jdbc.sql(ALLOCATION + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::mapAllocation)
                .optional();
    }

    List<Allocation> allocations(long roundId) {
        return jdbc.sql(ALLOCATION + " WHERE round_id = ? ORDER BY id")
                .param(roundId)
                .query(this::mapAllocation)
                .list();
    }

    /** The allocations a user is party to: as buyer (of the bid) or seller (of the consignment). */
    List<Allocation> allocationsOf(long userId, int limit) {
        return jdbc.sql(ALLOCATION + """
                 WHERE bid_id IN (SELECT id FROM market_bid WHERE buyer_user_id = :user)
                    OR consignment_id IN (SELECT id FROM market_consignment WHERE consignor_user_id = :user)
                 ORDER BY id DESC LIMIT :limit
                """)
                .param("user", userId)
                .param("limit", limit)
                .query(this::mapAllocation)
                .list();
    }

    List<Long> allocationsDueBy(Instant now) {
        return jdbc.sql("""
                SELECT a.id FROM market_allocation a JOIN market_round r ON r.id = a.round_id
                 WHERE a.status = 'AWAITING_PAYMENT' AND r.payment_due_at <= ? ORDER BY a.id
                """).param(utc(now)).query(Long.class).list();
    }

    /**
     * Allocations awaiting payment, not yet reminded, whose round's deadline falls after {@code now} and at most
     * {@code leadDays} days later, in rounds whose payment period is longer than {@code leadDays} days (a shorter
     * one's allocation mail already named a near deadline).
     */
    List<Long> allocationsToRemind(Instant now, int leadDays) {
        return jdbc.sql("""
                SELECT a.id FROM market_allocation a JOIN market_round r ON r.id = a.round_id
                 WHERE a.status = 'AWAITING_PAYMENT' AND a.payment_reminded_at IS NULL
                   AND r.payment_due_at > ? AND r.payment_due_at <= ? AND r.payment_days > ?
                 ORDER BY a.id
                """)
                .params(utc(now), utc(now.plus(java.time.Duration.ofDays(leadDays))), leadDays)
                .query(Long.class)
                .list();
    }

    /**
     * Records that the allocation's buyer is reminded to pay, if it still awaits payment and was not reminded yet;
     * whether it was recorded now (and so the reminder is to be sent).
     */
    boolean reminded(long id, Instant at) {
        return jdbc.sql("""
                        UPDATE market_allocation SET payment_reminded_at = ?
                         WHERE id = ? AND status = 'AWAITING_PAYMENT' AND payment_reminded_at IS NULL""").params(utc(at), id).update() == 1;
    }

    void paid(long id, long confirmedBy, Instant at) {
        jdbc.sql("UPDATE market_allocation SET status = 'PAID', paid_confirmed_by = ?, paid_at = ? WHERE id = ?")
                .params(confirmedBy, utc(at), id)
                .update();
    }

    void settled(long id, Long buyerAccountId, Long retirementId, String serialRanges, Instant at) {
        jdbc.sql("""
                UPDATE market_allocation SET status = 'SETTLED', buyer_account_id = ?, retirement_id = ?,
                       serial_ranges = ?, settled_at = ? WHERE id = ?
                """)
                .params(buyerAccountId, retirementId, serialRanges, utc(at), id)
                .update();
    }

    void lapsed(long id, Instant at) {
        jdbc.sql("UPDATE market_allocation SET status = 'LAPSED', lapsed_at = ? WHERE id = ?")
                .params(utc(at), id)
                .update();
    }

    /** Settled sales with their time, for prices: units, price, project, settled at. */
    List<Sale> settledSales() {
        return jdbc.sql("""
                SELECT a.credit_units, a.price_jpy, a.settled_at, c.project_code, c.project_name
                  FROM market_allocation a JOIN market_consignment c ON c.id = a.consignment_id
                 WHERE a.status = 'SETTLED' ORDER BY a.id
                """)
                .query((row, n) -> new Sale(
                        row.getLong(1), row.getBigDecimal(2), instant(row, 3), row.getString(4), row.getString(5)))
                .list();
    }

    /** One sale or reported trade, as prices see it. */
    record Sale(long creditUnits, BigDecimal priceJpy, Instant at, String projectCode, String projectName) {}

    // ---- reported trades

    long insertTrade(
            long sellerUserId,
            long fromAccountId,
            long toAccountId,
            long batchId,
            String batchSerial,
            String projectCode,
            String projectName,
            int vintage,
            long units,
            BigDecimal priceJpy,
            String key,
            Long entryId,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO market_reported_trade (seller_user_id, from_account_id, to_account_id, batch_id,
                       batch_serial, project_code, project_name, vintage, credit_units, price_jpy, request_key,
                       registry_entry_id, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        sellerUserId,
                        fromAccountId,
                        toAccountId,
                        batchId,
                        batchSerial,
                        projectCode,
                        projectName,
                        vintage,
                        units,
                        priceJpy,
                        key,
                        entryId,
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Long> tradeByKey(String key) {
        return jdbc.sql("SELECT id FROM market_reported_trade WHERE request_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    Optional<ReportedTrade> trade(long id) {
        return jdbc.sql(TRADE + " WHERE id = ?").param(id).query(this::mapTrade).optional();
    }

    List<ReportedTrade> tradesOf(long sellerUserId, int limit) {
        return jdbc.sql(TRADE + " WHERE seller_user_id = ? ORDER BY id DESC LIMIT ?")
                .params(sellerUserId, limit)
                .query(this::mapTrade)
                .list();
    }

    List<Sale> reportedSales() {
        return jdbc.sql("SELECT credit_units, price_jpy, reported_at, project_code, project_name"
                        + " FROM market_reported_trade ORDER BY id")
                .query((row, n) -> new Sale(
                        row.getLong(1), row.getBigDecimal(2), instant(row, 3), row.getString(4), row.getString(5)))
                .list();
    }

    // ---- mapping

    private Round mapRound(ResultSet row, int n) throws SQLException {
        return new Round(
                row.getLong("id"),
                row.getString("title"),
                row.getString("rules"),
                row.getBigDecimal("minimum_price_jpy"),
                instant(row, "opens_at"),
                instant(row, "closes_at"),
                row.getInt("payment_days"),
                RoundStatus.valueOf(row.getString("status")),
                nullableLong(row, "escrow_account_id"),
                instant(row, "created_at"),
                instant(row, "opened_at"),
                instant(row, "closed_at"),
                instant(row, "allocated_at"),
                instant(row, "payment_due_at"),
                instant(row, "settled_at"),
                row.getString("title_en"),
                row.getString("rules_en"));
    }

    private Consignment mapConsignment(ResultSet row, int n) throws SQLException {
        return new Consignment(
                row.getLong("id"),
                row.getLong("round_id"),
                row.getLong("consignor_user_id"),
                row.getLong("from_account_id"),
                row.getLong("batch_id"),
                row.getString("batch_serial"),
                row.getString("project_code"),
                row.getString("project_name"),
                row.getInt("vintage"),
                row.getLong("credit_units"),
                row.getString("status"),
                nullableLong(row, "released_units"),
                instant(row, "consigned_at"));
    }

    private Bid mapBid(ResultSet row, int n) throws SQLException {
        return new Bid(
                row.getLong("id"),
                row.getLong("round_id"),
                row.getLong("buyer_user_id"),
                row.getString("project_code"),
                row.getLong("credit_units"),
                row.getBigDecimal("price_jpy"),
                row.getString("purpose"),
                row.getBoolean("retire_at_once"),
                row.getString("beneficiary"),
                row.getString("emissions_offset"),
                row.getBoolean("disclose_name"),
                row.getString("status"),
                instant(row, "placed_at"));
    }

    private Allocation mapAllocation(ResultSet row, int n) throws SQLException {
        return new Allocation(
                row.getLong("id"),
                row.getLong("round_id"),
                row.getLong("bid_id"),
                row.getLong("consignment_id"),
                row.getLong("credit_units"),
                row.getBigDecimal("price_jpy"),
                row.getBigDecimal("amount_jpy"),
                AllocationStatus.valueOf(row.getString("status")),
                instant(row, "paid_at"),
                instant(row, "settled_at"),
                instant(row, "lapsed_at"),
                nullableLong(row, "buyer_account_id"),
                nullableLong(row, "retirement_id"),
                row.getString("serial_ranges"));
    }

    private ReportedTrade mapTrade(ResultSet row, int n) throws SQLException {
        return new ReportedTrade(
                row.getLong("id"),
                row.getLong("seller_user_id"),
                row.getLong("from_account_id"),
                row.getLong("to_account_id"),
                row.getLong("batch_id"),
                row.getString("batch_serial"),
                row.getString("project_code"),
                row.getString("project_name"),
                row.getInt("vintage"),
                row.getLong("credit_units"),
                row.getBigDecimal("price_jpy"),
                instant(row, "reported_at"));
    }
}
