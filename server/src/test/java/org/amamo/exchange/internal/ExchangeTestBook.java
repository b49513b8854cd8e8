package org.amamo.exchange.internal;

import java.util.List;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties an instrument's order book before a test that runs its auction, whatever earlier tests of the same
 * application context left there: every order still in the book (or on its way in or out) is cancelled and a sell
 * order's units in escrow go back to the seller's account through the registry, as a cancellation would return
 * them. Contracts awaiting settlement keep their units in escrow; they are not part of the book.
 */
@TestComponent
class ExchangeTestBook {

    private final JdbcClient jdbc;
    private final MarketSettlement registry;

    ExchangeTestBook(JdbcClient jdbc, MarketSettlement registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    record Open(long id, String side, long escrowedUnits, Long batchId, Long fromAccountId, long escrowAccountId) {}

    void clear(long instrumentId) {
        List<Open> open = jdbc.sql("""
                SELECT o.id, o.side, o.escrowed_units, o.batch_id, o.from_account_id, i.escrow_account_id
                  FROM exchange_order o JOIN exchange_instrument i ON i.id = o.instrument_id
                 WHERE o.instrument_id = ? AND o.status IN ('PENDING', 'ACTIVE', 'CHANGING', 'CANCELLING', 'EXPIRING')
                """)
                .param(instrumentId)
                .query((row, n) -> new Open(
                        row.getLong(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getObject(4, Long.class),
                        row.getObject(5, Long.class),
                        row.getLong(6)))
                .list();
        for (Open order : open) {
            if ("SELL".equals(order.side()) && order.escrowedUnits() > 0) {
                MarketMove move = registry.release(
                        order.escrowAccountId(),
                        order.batchId(),
                        order.escrowedUnits(),
                        order.fromAccountId(),
                        null,
                        "exchange-test-clear-order-" + order.id());
                if (!move.done()) {
                    throw new IllegalStateException("order " + order.id() + ": " + move.refusals());
                }
            }
            jdbc.sql("UPDATE exchange_order SET status = 'CANCELLED', escrowed_units = 0 WHERE id = ?")
                    .param(order.id())
                    .update();
        }
    }
}
