package org.amamo.exchange.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.amamo.exchange.Side;
import org.amamo.exchange.internal.ExchangeRows.Instrument;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.exchange.internal.ExchangeRows.Trader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The exchange's tables, in plain SQL. */
@Repository
class ExchangeStore {

    private static final String INSTRUMENT = """
            SELECT id, programme_code, credit_type, ecosystem_group, reference_price_jpy, status, escrow_account_id,
                   created_at, status_changed_at FROM exchange_instrument
            """;
    static final String ORDER = """
            SELECT id, instrument_id, user_id, side, limit_price_jpy, trading_units, validity, status, entry_sequence,
                   trading_day, from_account_id, batch_id, batch_serial, project_code, vintage, escrowed_units, version,
                   entered_at, changed_at, cancelled_at, filled_units FROM exchange_order
            """;

    private final JdbcClient jdbc;

    ExchangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- instruments

    long insertInstrument(
            String programmeCode,
            String creditType,
            String group,
            long referencePriceJpy,
            long createdBy,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_instrument (programme_code, credit_type, ecosystem_group, reference_price_jpy,
                                                 status, created_by, created_at)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?)
                """)
                .params(programmeCode, creditType, group, referencePriceJpy, createdBy, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void setEscrow(long instrumentId, long escrowAccountId) {
        jdbc.sql("UPDATE exchange_instrument SET escrow_account_id = ? WHERE id = ?")
                .params(escrowAccountId, instrumentId)
                .update();
    }

    void deleteInstrument(long instrumentId) {
        jdbc.sql("DELETE FROM exchange_instrument WHERE id = ?")
                .param(instrumentId)
                .update();
    }

    Optional<Instrument> instrument(long id) {
        return jdbc.sql(INSTRUMENT + " WHERE id = ?")
                .param(id)
                .query(ExchangeStore::mapInstrument)
                .optional();
    }

    Optional<Instrument> lockInstrument(long id) {
        return jdbc.sql(INSTRUMENT + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ExchangeStore::mapInstrument)
                .optional();
    }

    Optional<Instrument> instrument(String programmeCode, String creditType, String group) {
        return jdbc.sql(INSTRUMENT + " WHERE programme_code = ? AND credit_type = ? AND ecosystem_group = ?")
                .params(programmeCode, creditType, group)
                .query(ExchangeStore::mapInstrument)
                .optional();
    }

    List<Instrument> instruments() {
        return jdbc.sql(INSTRUMENT + " ORDER BY programme_code, credit_type, ecosystem_group")
                .query(ExchangeStore::mapInstrument)
                .list();
    }

    void instrumentStatus(long id, InstrumentStatus status, long by, Instant now) {
        jdbc.sql("UPDATE exchange_instrument SET status = ?, status_changed_by = ?, status_changed_at = ? WHERE id = ?")
                .params(status.name(), by, utc(now), id)
                .update();
    }

    private static Instrument mapInstrument(ResultSet row, int n) throws SQLException {
        long escrow = row.getLong("escrow_account_id");
        Long escrowAccount = row.wasNull() ? null : escrow;
        return new Instrument(
                row.getLong("id"),
                row.getString("programme_code"),
                row.getString("credit_type"),
                row.getString("ecosystem_group"),
                row.getLong("reference_price_jpy"),
                InstrumentStatus.valueOf(row.getString("status")),
                escrowAccount,
                instant(row, "created_at"),
                instant(row, "status_changed_at"));
    }

    // ---- traders

    Optional<Trader> trader(long userId) {
        return jdbc.sql("SELECT user_id, status, decided_by, decided_at FROM exchange_trader WHERE user_id = ?")
                .param(userId)
                .query((row, n) -> new Trader(row.getLong(1), row.getString(2), row.getLong(3), instant(row, 4)))
                .optional();
    }

    boolean approved(long userId) {
        return trader(userId).filter(t -> "APPROVED".equals(t.status())).isPresent();
    }

    List<Trader> traders() {
        return jdbc.sql("SELECT user_id, status, decided_by, decided_at FROM exchange_trader ORDER BY decided_at DESC")
                .query((row, n) -> new Trader(row.getLong(1), row.getString(2), row.getLong(3), instant(row, 4)))
                .list();
    }

    void decideTrader(long userId, String status, long by, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE exchange_trader SET status = ?, decided_by = ?, decided_at = ? WHERE user_id = ?")
                .params(status, by, utc(now), userId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO exchange_trader (user_id, status, decided_by, decided_at) VALUES (?, ?, ?, ?)")
                    .params(userId, status, by, utc(now))
                    .update();
        }
    }

    // ---- orders

    long nextEntrySequence() {
        return jdbc.sql("SELECT nextval('exchange_entry_seq')")
                .query(Long.class)
                .single();
    }

    /** A new order (PENDING for a sell, whose units are not yet in escrow; ACTIVE for a buy). */
    long insertOrder(
            long instrumentId,
            long userId,
            Side side,
            long limitPriceJpy,
            long tradingUnits,
            Validity validity,
            OrderStatus status,
            long entrySequence,
            LocalDate tradingDay,
            Long fromAccountId,
            Long batchId,
            String batchSerial,
            String projectCode,
            Integer vintage,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_order (instrument_id, user_id, side, limit_price_jpy, trading_units, validity,
                                            status, entry_sequence, trading_day, from_account_id, batch_id,
                                            batch_serial, project_code, vintage, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        instrumentId,
                        userId,
                        side.name(),
                        limitPriceJpy,
                        tradingUnits,
                        validity.name(),
                        status.name(),
                        entrySequence,
                        tradingDay,
                        fromAccountId,
                        batchId,
                        batchSerial,
                        projectCode,
                        vintage,
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Removes a PENDING order whose units the registry refused to escrow; false if it is no longer PENDING. */
    boolean deleteOrder(long id) {
        return jdbc.sql("DELETE FROM exchange_order WHERE id = ? AND status = 'PENDING'")
                        .param(id)
                        .update()
                == 1;
    }

    Optional<OrderRow> order(long id) {
        return jdbc.sql(ORDER + " WHERE id = ?")
                .param(id)
                .query(ExchangeStore::mapOrder)
                .optional();
    }

    Optional<OrderRow> lockOrder(long id) {
        return jdbc.sql(ORDER + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ExchangeStore::mapOrder)
                .optional();
    }

    List<OrderRow> ordersOf(long userId) {
        return jdbc.sql(ORDER + " WHERE user_id = ? ORDER BY id DESC LIMIT 500")
                .param(userId)
                .query(ExchangeStore::mapOrder)
                .list();
    }

    /** The active orders of an instrument, in time priority. */
    List<OrderRow> activeOrders(long instrumentId) {
        return jdbc.sql(ORDER + " WHERE instrument_id = ? AND status = 'ACTIVE' ORDER BY entry_sequence, id")
                .param(instrumentId)
                .query(ExchangeStore::mapOrder)
                .list();
    }

    /*
     * The writes that end a change, cancellation or entry name the status (and version) they end, so that the request
     * that began it and the recovery pass (OrderRecovery) never both end it: false if the order has moved on.
     */

    /** Back in the book as it was, after a change or cancellation that moved nothing; false if it moved on. */
    boolean resumed(long id, OrderStatus from, int version) {
        return jdbc.sql("""
                        UPDATE exchange_order SET status = 'ACTIVE', pending_limit_price_jpy = NULL,
                                                  pending_trading_units = NULL, pending_validity = NULL,
                                                  pending_loses_priority = NULL, begun_at = NULL
                        WHERE id = ? AND status = ? AND version = ?
                        """).params(id, from.name(), version).update() == 1;
    }

    /** A PENDING sell order's units are in escrow: it joins the book; false if it is no longer PENDING. */
    boolean escrowed(long id, long escrowedUnits) {
        return jdbc.sql("""
                        UPDATE exchange_order SET status = 'ACTIVE', escrowed_units = ?
                        WHERE id = ? AND status = 'PENDING'
                        """).params(escrowedUnits, id).update() == 1;
    }

    /** A PENDING sell order whose units never reached escrow, ended with nothing in escrow; false if it moved on. */
    boolean abandoned(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE exchange_order SET status = 'CANCELLED', escrowed_units = 0, cancelled_at = ?
                        WHERE id = ? AND status = 'PENDING'
                        """).params(utc(now), id).update() == 1;
    }

    /**
     * Starts a change (with what it asks) or a cancellation (no change): the order is taken out of the book until it
     * is done; its version moves on.
     */
    void begin(long id, OrderStatus status, PendingChange change, Instant now) {
        jdbc.sql("""
                UPDATE exchange_order SET status = ?, version = version + 1, pending_limit_price_jpy = ?,
                                          pending_trading_units = ?, pending_validity = ?,
                                          pending_loses_priority = ?, begun_at = ?
                WHERE id = ?
                """)
                .params(
                        status.name(),
                        change == null ? null : change.limitPriceJpy(),
                        change == null ? null : change.tradingUnits(),
                        change == null ? null : change.validity().name(),
                        change == null ? null : change.losesPriority(),
                        utc(now),
                        id)
                .update();
    }

    /** The order changed (ACTIVE or CHANGING at {@code version}) and back in the book; false if it moved on. */
    boolean changed(
            long id,
            int version,
            long limitPriceJpy,
            long tradingUnits,
            Validity validity,
            long entrySequence,
            long escrowedUnits,
            Instant now) {
        return jdbc.sql("""
                        UPDATE exchange_order SET status = 'ACTIVE', limit_price_jpy = ?, trading_units = ?,
                                                  validity = ?, entry_sequence = ?, escrowed_units = ?,
                                                  changed_at = ?, pending_limit_price_jpy = NULL,
                                                  pending_trading_units = NULL, pending_validity = NULL,
                                                  pending_loses_priority = NULL, begun_at = NULL
                        WHERE id = ? AND version = ? AND status IN ('ACTIVE', 'CHANGING')
                        """)
                        .params(
                                limitPriceJpy,
                                tradingUnits,
                                validity.name(),
                                entrySequence,
                                escrowedUnits,
                                utc(now),
                                id,
                                version)
                        .update()
                == 1;
    }

    /** A CANCELLING order (at {@code version}) cancelled, nothing left in escrow; false if it moved on. */
    boolean cancelled(long id, int version, Instant now) {
        return jdbc.sql("""
                        UPDATE exchange_order SET status = 'CANCELLED', escrowed_units = 0, cancelled_at = ?,
                                                  begun_at = NULL
                        WHERE id = ? AND status = 'CANCELLING' AND version = ?
                        """).params(utc(now), id, version).update() == 1;
    }

    /**
     * Orders left unfinished (PENDING, CHANGING or CANCELLING) since before {@code before}, in order of id, at most
     * {@code limit}, with the change each was asked (none for an entry or cancellation, or a change begun before
     * changes were recorded).
     */
    List<OrderRecovery.Unfinished> unfinished(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT *, COALESCE(begun_at, changed_at, entered_at) AS since FROM exchange_order
                         WHERE status IN ('PENDING', 'CHANGING', 'CANCELLING')
                           AND COALESCE(begun_at, changed_at, entered_at) < ?
                         ORDER BY id LIMIT ?
                        """)
                .params(utc(before), limit)
                .query((row, n) -> {
                    long price = row.getLong("pending_limit_price_jpy");
                    PendingChange change = row.wasNull()
                            ? null
                            : new PendingChange(
                                    price,
                                    row.getLong("pending_trading_units"),
                                    Validity.valueOf(row.getString("pending_validity")),
                                    row.getBoolean("pending_loses_priority"));
                    return new OrderRecovery.Unfinished(mapOrder(row, n), change, instant(row, "since"));
                })
                .list();
    }

    static OrderRow mapOrder(ResultSet row, int n) throws SQLException {
        long from = row.getLong("from_account_id");
        Long fromAccount = row.wasNull() ? null : from;
        long batch = row.getLong("batch_id");
        Long batchId = row.wasNull() ? null : batch;
        int vintage = row.getInt("vintage");
        Integer vintageOrNull = row.wasNull() ? null : vintage;
        return new OrderRow(
                row.getLong("id"),
                row.getLong("instrument_id"),
                row.getLong("user_id"),
                Side.valueOf(row.getString("side")),
                row.getLong("limit_price_jpy"),
                row.getLong("trading_units"),
                Validity.valueOf(row.getString("validity")),
                OrderStatus.valueOf(row.getString("status")),
                row.getLong("entry_sequence"),
                row.getObject("trading_day", LocalDate.class),
                fromAccount,
                batchId,
                row.getString("batch_serial"),
                row.getString("project_code"),
                vintageOrNull,
                row.getLong("escrowed_units"),
                row.getInt("version"),
                instant(row, "entered_at"),
                instant(row, "changed_at"),
                instant(row, "cancelled_at"),
                row.getLong("filled_units"));
    }
}
