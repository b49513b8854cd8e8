package org.amamo.exchange.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.exchange.internal.ExchangeRows.ContractRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settlement of the exchange's contracts, in plain SQL: the buyer's request to retire on its behalf, payment,
 * delivery or retirement, and lapse. Every change is a guarded update ({@code WHERE status = ...}): it changes nothing
 * unless the contract is still in the state its caller locked and checked.
 */
@Repository
class SettlementStore {

    /** The most contracts a list shows. */
    static final int LIST_LIMIT = 500;

    private static final String SETTLED_CONTRACT = """
            SELECT c.*, a.auction_at AS auction_at
              FROM exchange_contract c JOIN exchange_auction a ON a.id = c.auction_id
            """;

    private final JdbcClient jdbc;

    SettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How a contract settles and what it did: retire on the buyer's behalf (with the disclosure) or deliver; once
     * settled, the buyer's account or the retirement record, and the serials moved.
     */
    record Delivery(
            boolean retireForBuyer,
            String beneficiary,
            String purpose,
            String emissionsOffset,
            String note,
            Instant requestedAt,
            Long deliveredAccountId,
            Long retirementId,
            String serialRanges) {}

    /** A contract with its auction's time and its delivery. */
    record Contract(ContractRow row, Instant auctionAt, Delivery delivery) {}

    Optional<Contract> contract(long id) {
        return jdbc.sql(SETTLED_CONTRACT + " WHERE c.id = ?")
                .param(id)
                .query(SettlementStore::map)
                .optional();
    }

    /** A user's contracts as buyer or seller, latest first. */
    List<Contract> contractsOf(long userId) {
        return jdbc.sql(SETTLED_CONTRACT
                        + " WHERE c.buyer_user_id = ? OR c.seller_user_id = ? ORDER BY c.id DESC LIMIT ?")
                .params(userId, userId, LIST_LIMIT)
                .query(SettlementStore::map)
                .list();
    }

    /** All contracts (of one status, or any), latest first. */
    List<Contract> contracts(String status) {
        return status == null
                ? jdbc.sql(SETTLED_CONTRACT + " ORDER BY c.id DESC LIMIT ?")
                        .param(LIST_LIMIT)
                        .query(SettlementStore::map)
                        .list()
                : jdbc.sql(SETTLED_CONTRACT + " WHERE c.status = ? ORDER BY c.id DESC LIMIT ?")
                        .params(status, LIST_LIMIT)
                        .query(SettlementStore::map)
                        .list();
    }

    /** The contracts still awaiting payment after their settlement date, oldest first. */
    List<Long> dueForLapse(LocalDate today) {
        return jdbc.sql("""
                SELECT id FROM exchange_contract WHERE status = 'AWAITING_PAYMENT' AND settlement_date < ?
                 ORDER BY id LIMIT ?
                """).params(today, LIST_LIMIT).query(Long.class).list();
    }

    /** The lapses recorded against a buyer. */
    long lapses(long buyerUserId) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_contract WHERE buyer_user_id = ? AND status = 'LAPSED'")
                .param(buyerUserId)
                .query(Long.class)
                .single();
    }

    /** The lapses recorded against each buyer that has any. */
    Map<Long, Long> lapsesByBuyer() {
        Map<Long, Long> lapses = new HashMap<>();
        jdbc.sql("SELECT buyer_user_id, COUNT(*) AS lapses FROM exchange_contract WHERE status = 'LAPSED' "
                        + "GROUP BY buyer_user_id")
                .query((row, n) -> lapses.put(row.getLong("buyer_user_id"), row.getLong("lapses")))
                .list();
        return lapses;
    }

    boolean requestRetirement(long id, RetirementTerms terms, Instant now) {
        return jdbc.sql("""
                UPDATE exchange_contract SET retire_for_buyer = TRUE, beneficiary = ?, purpose = ?,
                       emissions_offset = ?, retirement_note = ?, retirement_requested_at = ?
                 WHERE id = ? AND status = 'AWAITING_PAYMENT'
                """)
                        .params(
                                terms.beneficiary().strip(),
                                terms.purpose(),
                                terms.emissionsOffset().strip(),
                                terms.note() == null || terms.note().isBlank()
                                        ? null
                                        : terms.note().strip(),
                                utc(now),
                                id)
                        .update()
                == 1;
    }

    boolean withdrawRetirement(long id) {
        return jdbc.sql("""
                UPDATE exchange_contract SET retire_for_buyer = FALSE, beneficiary = NULL, purpose = NULL,
                       emissions_offset = NULL, retirement_note = NULL, retirement_requested_at = NULL
                 WHERE id = ? AND status = 'AWAITING_PAYMENT'
                """).param(id).update() == 1;
    }

    boolean paid(long id, long sellerUserId, Instant now) {
        return jdbc.sql("""
                UPDATE exchange_contract SET status = 'PAID', paid_by = ?, paid_at = ?
                 WHERE id = ? AND status = 'AWAITING_PAYMENT'
                """).params(sellerUserId, utc(now), id).update() == 1;
    }

    boolean settled(long id, Long accountId, Long retirementId, String serialRanges, Instant now) {
        return jdbc.sql("""
                UPDATE exchange_contract SET status = 'SETTLED', delivered_account_id = ?, retirement_id = ?,
                       serial_ranges = ?, settled_at = ?
                 WHERE id = ? AND status = 'PAID'
                """)
                        .params(accountId, retirementId, serialRanges, utc(now), id)
                        .update()
                == 1;
    }

    boolean lapsed(long id, Instant now) {
        return jdbc.sql("""
                UPDATE exchange_contract SET status = 'LAPSED', lapsed_at = ?
                 WHERE id = ? AND status = 'AWAITING_PAYMENT'
                """).params(utc(now), id).update() == 1;
    }

    private static Contract map(ResultSet row, int n) throws SQLException {
        long account = row.getLong("delivered_account_id");
        Long accountOrNull = row.wasNull() ? null : account;
        long retirement = row.getLong("retirement_id");
        Long retirementOrNull = row.wasNull() ? null : retirement;
        Delivery delivery = new Delivery(
                row.getBoolean("retire_for_buyer"),
                row.getString("beneficiary"),
                row.getString("purpose"),
                row.getString("emissions_offset"),
                row.getString("retirement_note"),
                instant(row, "retirement_requested_at"),
                accountOrNull,
                retirementOrNull,
                row.getString("serial_ranges"));
        return new Contract(AuctionStore.mapContract(row, n), instant(row, "auction_at"), delivery);
    }
}
