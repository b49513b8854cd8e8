package org.amamo.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amamo.exchange.Order;
import org.amamo.exchange.Side;
import org.amamo.exchange.TradingCalendar;
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
 * Ends the orders a crash left unfinished. A sell order's units move in the registry outside the exchange's
 * transaction ({@link OrderDesk}), so a server that goes down (or a registry answer lost on the way back) between an
 * order's status change and its completion leaves the order PENDING, CHANGING or CANCELLING: out of the book, its
 * units perhaps moved. An order unfinished for longer than the grace period ({@code amamo.exchange.recovery
 * .grace-seconds}, 60 by default, on the exchange's clock; longer than any registry call takes, retries included) is
 * ended here from the registry's record of the move's idempotency key ({@link MarketSettlement#moveByKey}):
 *
 * <ul>
 *   <li>PENDING: units in escrow, the order joins the book (ACTIVE); else it is CANCELLED with nothing in escrow.
 *   <li>CHANGING: units moved, the change recorded when it began is applied; else the order is back in the book as
 *       it was.
 *   <li>CANCELLING: the units' release is issued again with the same key and request (a release needs no holder's
 *       authority), which moves them if they had not moved and only replays if they had; then CANCELLED. A release
 *       the registry refuses puts the order back in the book, as a refused cancellation does.
 * </ul>
 *
 * <p>No unit moves twice: this class moves units only under the cancellation's own key, and each write that ends an
 * order names the status and version it ends, so that the request that began it, a second server instance and this
 * pass end it once between them. Each ending is logged.
 */
@Service
class OrderRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrderRecovery.class);

    /** The orders one pass looks at; any more wait for the next pass. */
    static final int MAX_ORDERS_PER_PASS = 100;

    static final long MIN_GRACE_SECONDS = 10;
    static final long MAX_GRACE_SECONDS = 86_400;

    private final ExchangeStore store;
    private final MarketSettlement registry;
    private final TradingCalendar calendar;
    private final TransactionTemplate transactions;
    private final Duration grace;

    OrderRecovery(
            ExchangeStore store,
            MarketSettlement registry,
            TradingCalendar calendar,
            PlatformTransactionManager transactionManager,
            @Value("${amamo.exchange.recovery.grace-seconds:60}") long graceSeconds) {
        if (graceSeconds < MIN_GRACE_SECONDS || graceSeconds > MAX_GRACE_SECONDS) {
            throw new IllegalArgumentException("amamo.exchange.recovery.grace-seconds must be " + MIN_GRACE_SECONDS
                    + " to " + MAX_GRACE_SECONDS + ": " + graceSeconds);
        }
        this.store = store;
        this.registry = registry;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.grace = Duration.ofSeconds(graceSeconds);
    }

    /** An order left PENDING, CHANGING or CANCELLING since {@code since}, with the change asked (null: none known). */
    record Unfinished(OrderRow order, PendingChange change, Instant since) {}

    /** What one pass did: orders finished as asked, undone, and left for a later pass (the registry busy, say). */
    record Pass(int finished, int undone, int left) {}

    private enum Ending {
        FINISHED,
        UNDONE,
        LEFT
    }

    /** One pass: ends the orders unfinished for longer than the grace period, at most {@value #MAX_ORDERS_PER_PASS}. */
    Pass recover() {
        List<Unfinished> unfinished = store.unfinished(calendar.now().minus(grace), MAX_ORDERS_PER_PASS);
        int finished = 0;
        int undone = 0;
        int left = 0;
        for (Unfinished order : unfinished) {
            Ending ending;
            try {
                ending = end(order);
            } catch (RuntimeException failed) {
                // One order's failure (the database gone for a moment, say) must not stop the others; whatever of it
                // was not written is looked at again on the next pass.
                log.error(
                        "exchange: the recovery of order {} failed",
                        order.order().id(),
                        failed);
                ending = Ending.LEFT;
            }
            switch (ending) {
                case FINISHED -> finished++;
                case UNDONE -> undone++;
                case LEFT -> left++;
            }
        }
        return new Pass(finished, undone, left);
    }

    private Ending end(Unfinished unfinished) {
        return switch (unfinished.order().status()) {
            case PENDING -> entry(unfinished);
            case CHANGING -> change(unfinished);
            case CANCELLING -> cancellation(unfinished);
            default ->
                throw new IllegalStateException("order " + unfinished.order().id() + " is not unfinished");
        };
    }

    /** An entry: the units in escrow or not. */
    private Ending entry(Unfinished unfinished) {
        OrderRow order = unfinished.order();
        String key = key(order, "escrow");
        Optional<MarketMove> move = done(registry.moveByKey(key));
        if (move.isPresent()) {
            return ended(
                    store.escrowed(order.id(), move.get().creditUnits()),
                    unfinished,
                    Ending.FINISHED,
                    "its " + move.get().creditUnits() + " units are in escrow: in the book",
                    key);
        }
        return ended(
                store.abandoned(order.id(), calendar.now()),
                unfinished,
                Ending.UNDONE,
                "its units never reached escrow: cancelled with nothing in escrow",
                key);
    }

    /** A change: applied as asked if its units moved, else back in the book as it was. */
    private Ending change(Unfinished unfinished) {
        OrderRow order = unfinished.order();
        ChangeMove found = changeMove(unfinished);
        if (found.move().isEmpty()) {
            return ended(
                    store.resumed(order.id(), OrderStatus.CHANGING, order.version()),
                    unfinished,
                    Ending.UNDONE,
                    "its units did not move: back in the book as it was",
                    found.key());
        }
        PendingChange change = found.change();
        long delta = (change.tradingUnits() - order.tradingUnits()) * Order.REGISTRY_UNITS_PER_TRADING_UNIT;
        long moved = found.move().get().creditUnits();
        if (moved != Math.abs(delta)) {
            // The key names this change's move, so the registry moved what the change asked; anything else is a
            // fault that a person must look at before the order's escrow is written.
            log.error(
                    "exchange: order {} asked to move {} units, the registry moved {} under {}",
                    order.id(),
                    Math.abs(delta),
                    moved,
                    found.key());
            return Ending.LEFT;
        }
        boolean changed = transactions.execute(tx -> store.changed(
                order.id(),
                order.version(),
                change.limitPriceJpy(),
                change.tradingUnits(),
                change.validity(),
                change.losesPriority() ? store.nextEntrySequence() : order.entrySequence(),
                order.escrowedUnits() + delta,
                calendar.now()));
        return ended(changed, unfinished, Ending.FINISHED, "its units moved: changed as asked, " + change, found.key());
    }

    /** A change's key, the move the registry made under it (empty: none) and the change it made. */
    private record ChangeMove(String key, Optional<MarketMove> move, PendingChange change) {}

    /**
     * The move of a change: under the key its recorded quantity names (none for a change that moves no units), or,
     * for a change begun before changes were recorded, under either key, the change read from the move.
     */
    private ChangeMove changeMove(Unfinished unfinished) {
        OrderRow order = unfinished.order();
        String escrowKey = key(order, "escrow-v" + order.version());
        String releaseKey = key(order, "release-v" + order.version());
        PendingChange asked = unfinished.change();
        if (asked != null) {
            long units = asked.tradingUnits() - order.tradingUnits();
            String key = units > 0 ? escrowKey : releaseKey;
            boolean moves = order.side() == Side.SELL && units != 0;
            return new ChangeMove(key, moves ? done(registry.moveByKey(key)) : Optional.empty(), asked);
        }
        Optional<MarketMove> in = done(registry.moveByKey(escrowKey));
        Optional<MarketMove> move = in.or(() -> done(registry.moveByKey(releaseKey)));
        return new ChangeMove(
                in.isPresent() ? escrowKey : releaseKey,
                move,
                move.map(done -> fromMove(order, done, in.isPresent())).orElse(null));
    }

    /** The change a move made, for a change begun before changes were recorded: its quantity, nothing else. */
    private static PendingChange fromMove(OrderRow order, MarketMove move, boolean escrowed) {
        long units = move.creditUnits() / Order.REGISTRY_UNITS_PER_TRADING_UNIT;
        return new PendingChange(
                order.limitPriceJpy(),
                escrowed ? order.tradingUnits() + units : order.tradingUnits() - units,
                order.validity(),
                escrowed);
    }

    /** A cancellation: the units' release issued again under its key (a replay if they had moved), then cancelled. */
    private Ending cancellation(Unfinished unfinished) {
        OrderRow order = unfinished.order();
        String key = key(order, "cancel");
        if (order.side() == Side.SELL && order.escrowedUnits() > 0) {
            Instrument instrument = store.instrument(order.instrumentId()).orElseThrow();
            // The same request as the cancellation's, the order's owner acting, so that a release it made replays.
            MarketMove move = registry.moveByKey(key)
                    .orElseGet(() -> registry.release(
                            instrument.escrowAccountId(),
                            order.batchId(),
                            order.escrowedUnits(),
                            order.fromAccountId(),
                            order.userId(),
                            key));
            if (!move.done()) {
                if (move.refusals().stream().anyMatch(r -> r.messageKey().equals("registry.busy"))) {
                    log.info("exchange: the registry was busy for the recovery of order {}", order.id());
                    return Ending.LEFT;
                }
                return ended(
                        store.resumed(order.id(), OrderStatus.CANCELLING, order.version()),
                        unfinished,
                        Ending.UNDONE,
                        "the registry refused to return its units (" + move.refusals() + "): back in the book",
                        key);
            }
        }
        return ended(
                store.cancelled(order.id(), order.version(), calendar.now()),
                unfinished,
                Ending.FINISHED,
                "cancelled, its units back with the seller",
                key);
    }

    private static Optional<MarketMove> done(Optional<MarketMove> move) {
        return move.filter(MarketMove::done);
    }

    private static String key(OrderRow order, String move) {
        return "exchange-order-" + order.id() + "-" + move;
    }

    /** Logs how an order ended, or that it had moved on (ended meanwhile by its request or another instance). */
    private static Ending ended(boolean written, Unfinished unfinished, Ending ending, String what, String key) {
        OrderRow order = unfinished.order();
        if (!written) {
            log.info("exchange: order {} was ended meanwhile, not by its recovery", order.id());
            return Ending.LEFT;
        }
        log.warn(
                "exchange: recovered order {}, {} since {}: {} (registry key {})",
                order.id(),
                order.status(),
                unfinished.since(),
                what,
                key);
        return ending;
    }
}
