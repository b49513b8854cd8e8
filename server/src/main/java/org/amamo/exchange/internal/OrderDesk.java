package org.amamo.exchange.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.exchange.Order;
import org.amamo.exchange.PriceLimits;
import org.amamo.exchange.Side;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeRows.Instrument;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.amamo.registry.BatchCategory;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.HeldCredits;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.SelectedCredits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Limit orders: entered, changed and cancelled only while an order window is open (the {@link TradingCalendar}).
 * A sell order's units move from the seller's account into the instrument's escrow at entry (PENDING until the
 * registry has moved them; removed if it refuses), a smaller quantity returns the difference, a larger one escrows
 * the difference, and cancelling returns what is in escrow; each move has an idempotency key of its own
 * ({@code exchange-order-<id>-escrow}, {@code -escrow-v<n>}, {@code -release-v<n>}, {@code -cancel}). A buy order
 * needs the secretariat's approval of the buyer. A change of price or a larger quantity takes a new entry sequence
 * (time priority lost); a smaller quantity or another validity keeps it.
 *
 * <p>Every refusal changes nothing. Registry calls run outside the exchange's transactions, as the market's do: a
 * change records what it asks before its units move, and each write that ends an entry, change or cancellation names
 * the status and version it ends, so that an order left unfinished by a crash is finished or undone by
 * {@link OrderRecovery} once, and never also here.
 */
@Service
class OrderDesk {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private static final java.time.format.DateTimeFormatter OPENING =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ExchangeStore store;
    private final MarketSettlement registry;
    private final Programmes programmes;
    private final TradingCalendar calendar;
    private final TransactionTemplate transactions;

    OrderDesk(
            ExchangeStore store,
            MarketSettlement registry,
            Programmes programmes,
            TradingCalendar calendar,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.registry = registry;
        this.programmes = programmes;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * What an order names. {@code side} BUY or SELL; {@code validity} DAY (the default) or GTC; a sell names the
     * account the units come from and the batch, by {@code batchId} or by a selection (not both).
     */
    record OrderTerms(
            String side,
            BigDecimal limitPriceJpy,
            BigDecimal tradingUnits,
            String validity,
            Long fromAccountId,
            Long batchId,
            SelectedCredits selection) {}

    /** What a change names: the new limit price, quantity and validity (null: as it was). */
    record ChangeTerms(BigDecimal limitPriceJpy, BigDecimal tradingUnits, String validity) {}

    private record Checked(Side side, long priceJpy, long units, Validity validity) {}

    Outcome<Long> enter(AmamoPrincipal user, long instrumentId, OrderTerms terms) {
        Optional<Instrument> found = store.instrument(instrumentId);
        if (found.isEmpty()) {
            return Outcome.refused(NOT_FOUND, Refusal.of("$", "exchange.instrument.not-found"));
        }
        Instrument instrument = found.get();
        Outcome<Checked> checked =
                check(instrument, terms.side(), terms.limitPriceJpy(), terms.tradingUnits(), terms.validity());
        if (checked.refused()) {
            return checked.cast();
        }
        Checked order = checked.value();
        if (order.side() == Side.SELL && terms.fromAccountId() == null) {
            return Outcome.refused(INVALID, Refusal.of("fromAccountId", "exchange.required"));
        }
        Optional<Refusal> closed = tradable(instrument);
        if (closed.isPresent()) {
            return Outcome.refused(CONFLICT, closed.get());
        }
        if (order.side() == Side.BUY) {
            if (!store.approved(user.userId())) {
                return Outcome.refused(FORBIDDEN, Refusal.of("side", "exchange.order.buyer-not-approved"));
            }
            return transactions.execute(status -> insert(user, instrumentId, order, null, OrderStatus.ACTIVE));
        }
        long registryUnits = order.units() * Order.REGISTRY_UNITS_PER_TRADING_UNIT;
        Outcome<CreditBatch> batch = namedBatch(user, terms, registryUnits);
        if (batch.refused()) {
            return batch.cast();
        }
        Optional<Refusal> category = category(instrument, batch.value().batchId());
        if (category.isPresent()) {
            return Outcome.refused(CONFLICT, category.get());
        }
        long held = held(user, terms.fromAccountId(), batch.value().batchId());
        if (held < registryUnits) {
            return Outcome.refused(
                    CONFLICT,
                    Refusal.of(
                            "tradingUnits",
                            "exchange.order.more-than-held",
                            order.units(),
                            held / Order.REGISTRY_UNITS_PER_TRADING_UNIT));
        }
        Outcome<Long> pending = transactions.execute(status -> insert(
                user, instrumentId, order, new Source(terms.fromAccountId(), batch.value()), OrderStatus.PENDING));
        if (pending.refused()) {
            return pending;
        }
        long orderId = pending.value();
        MarketMove move = registry.consign(
                user,
                terms.fromAccountId(),
                instrument.escrowAccountId(),
                batch.value().batchId(),
                registryUnits,
                terms.selection() == null ? SelectedCredits.NONE : terms.selection(),
                "exchange-order-" + orderId + "-escrow");
        if (!move.done()) {
            store.deleteOrder(orderId);
            return registryRefusal(move);
        }
        if (!store.escrowed(orderId, registryUnits)) {
            returnIfAbandoned(
                    orderId,
                    instrument.escrowAccountId(),
                    batch.value().batchId(),
                    registryUnits,
                    terms.fromAccountId());
        }
        return Outcome.done(orderId);
    }

    /**
     * Returns a new sell order's units from escrow to the seller if the recovery pass ended the order while they were
     * on their way: it found nothing under the order's key before the registry recorded the move, and cancelled the
     * order with nothing in escrow. They go back under the key {@code exchange-order-<id>-escrow-undo}; an order the
     * pass put in the book instead (it found the move) keeps them.
     */
    void returnIfAbandoned(long orderId, long escrowAccountId, long batchId, long registryUnits, long fromAccountId) {
        OrderRow order = store.order(orderId).orElseThrow();
        if (order.status() != OrderStatus.CANCELLED) {
            return;
        }
        MarketMove back = registry.release(
                escrowAccountId,
                batchId,
                registryUnits,
                fromAccountId,
                order.userId(),
                "exchange-order-" + orderId + "-escrow-undo");
        if (back.done()) {
            log.warn("exchange: order {} was cancelled by its recovery meanwhile; its units went back", orderId);
        } else {
            log.error(
                    "exchange: order {} was cancelled by its recovery meanwhile; its {} units rest in escrow: {}",
                    orderId,
                    registryUnits,
                    back.refusals());
        }
    }

    private record Source(long fromAccountId, CreditBatch batch) {}

    private Outcome<Long> insert(
            AmamoPrincipal user, long instrumentId, Checked order, Source source, OrderStatus status) {
        Instrument instrument = store.lockInstrument(instrumentId).orElseThrow();
        Optional<Refusal> closed = tradable(instrument);
        if (closed.isPresent()) {
            return Outcome.refused(CONFLICT, closed.get());
        }
        return Outcome.done(store.insertOrder(
                instrumentId,
                user.userId(),
                order.side(),
                order.priceJpy(),
                order.units(),
                order.validity(),
                status,
                store.nextEntrySequence(),
                calendar.today(),
                source == null ? null : source.fromAccountId(),
                source == null ? null : source.batch().batchId(),
                source == null ? null : source.batch().batchSerial(),
                source == null ? null : source.batch().projectCode(),
                source == null ? null : source.batch().vintage(),
                calendar.now()));
    }

    Outcome<Long> change(AmamoPrincipal user, long orderId, ChangeTerms terms) {
        Outcome<OrderRow> own = own(user, orderId);
        if (own.refused()) {
            return own.cast();
        }
        OrderRow before = own.value();
        Instrument instrument = store.instrument(before.instrumentId()).orElseThrow();
        Outcome<Checked> checked = check(
                instrument,
                before.side().name(),
                terms.limitPriceJpy() == null ? BigDecimal.valueOf(before.limitPriceJpy()) : terms.limitPriceJpy(),
                terms.tradingUnits() == null ? BigDecimal.valueOf(before.tradingUnits()) : terms.tradingUnits(),
                terms.validity() == null ? before.validity().name() : terms.validity());
        if (checked.refused()) {
            return checked.cast();
        }
        Checked after = checked.value();
        Optional<Refusal> closed = tradable(instrument)
                .or(() -> active(before))
                .or(() -> ExchangeQueries.expired(before, calendar.today())
                        ? Optional.of(Refusal.of("$", "exchange.order.expired"))
                        : Optional.empty());
        if (closed.isPresent()) {
            return Outcome.refused(CONFLICT, closed.get());
        }
        if (after.units() <= before.filledUnits()) {
            return Outcome.refused(
                    INVALID, Refusal.of("tradingUnits", "exchange.order.units-below-filled", before.filledUnits()));
        }
        if (before.side() == Side.BUY && !store.approved(user.userId())) {
            return Outcome.refused(FORBIDDEN, Refusal.of("side", "exchange.order.buyer-not-approved"));
        }
        boolean losesPriority = after.priceJpy() != before.limitPriceJpy() || after.units() > before.tradingUnits();
        long delta = (after.units() - before.tradingUnits()) * Order.REGISTRY_UNITS_PER_TRADING_UNIT;
        if (before.side() == Side.SELL && delta > 0) {
            long held = held(user, before.fromAccountId(), before.batchId());
            if (held < delta) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of(
                                "tradingUnits",
                                "exchange.order.more-than-held",
                                delta / Order.REGISTRY_UNITS_PER_TRADING_UNIT,
                                held / Order.REGISTRY_UNITS_PER_TRADING_UNIT));
            }
        }
        if (before.side() == Side.BUY || delta == 0) {
            return transactions.execute(status -> {
                Optional<Refusal> stale = stale(before, instrument.id());
                if (stale.isPresent()) {
                    return Outcome.refused(CONFLICT, stale.get());
                }
                store.changed(
                        orderId,
                        before.version(),
                        after.priceJpy(),
                        after.units(),
                        after.validity(),
                        losesPriority ? store.nextEntrySequence() : before.entrySequence(),
                        before.escrowedUnits(),
                        calendar.now());
                return Outcome.done(orderId);
            });
        }
        PendingChange asked = new PendingChange(after.priceJpy(), after.units(), after.validity(), losesPriority);
        Outcome<Integer> begun = begin(before, instrument.id(), OrderStatus.CHANGING, asked);
        if (begun.refused()) {
            return begun.cast();
        }
        MarketMove move = delta > 0
                ? registry.consign(
                        user,
                        before.fromAccountId(),
                        instrument.escrowAccountId(),
                        before.batchId(),
                        delta,
                        SelectedCredits.NONE,
                        "exchange-order-" + orderId + "-escrow-v" + begun.value())
                : registry.release(
                        instrument.escrowAccountId(),
                        before.batchId(),
                        -delta,
                        before.fromAccountId(),
                        user.userId(),
                        "exchange-order-" + orderId + "-release-v" + begun.value());
        if (!move.done()) {
            store.resumed(orderId, OrderStatus.CHANGING, begun.value());
            return registryRefusal(move);
        }
        // Still CHANGING at this version, or put back in the book as it was by a recovery pass that did not yet see
        // this move (the change then applies, and the units moved count), or already changed as asked by one that did.
        boolean changed = transactions.execute(status -> store.changed(
                orderId,
                begun.value(),
                after.priceJpy(),
                after.units(),
                after.validity(),
                losesPriority ? store.nextEntrySequence() : before.entrySequence(),
                before.escrowedUnits() + delta,
                calendar.now()));
        if (!changed) {
            log.warn("exchange: order {} was no longer CHANGING when its change's units moved", orderId);
        }
        return Outcome.done(orderId);
    }

    Outcome<Long> cancel(AmamoPrincipal user, long orderId) {
        Outcome<OrderRow> own = own(user, orderId);
        if (own.refused()) {
            return own.cast();
        }
        OrderRow order = own.value();
        Optional<Refusal> closed = window().or(() -> active(order));
        if (closed.isPresent()) {
            return Outcome.refused(CONFLICT, closed.get());
        }
        Instrument instrument = store.instrument(order.instrumentId()).orElseThrow();
        Outcome<Integer> begun = begin(order, instrument.id(), OrderStatus.CANCELLING, null);
        if (begun.refused()) {
            return begun.cast();
        }
        if (order.side() == Side.SELL && order.escrowedUnits() > 0) {
            MarketMove move = registry.release(
                    instrument.escrowAccountId(),
                    order.batchId(),
                    order.escrowedUnits(),
                    order.fromAccountId(),
                    user.userId(),
                    "exchange-order-" + orderId + "-cancel");
            if (!move.done()) {
                store.resumed(orderId, OrderStatus.CANCELLING, begun.value());
                return registryRefusal(move);
            }
        }
        if (!store.cancelled(orderId, begun.value(), calendar.now())) {
            log.warn("exchange: order {} was no longer CANCELLING when its cancellation was done", orderId);
        }
        return Outcome.done(orderId);
    }

    // ---- checks

    /** The fields of an order, each refused at its field; then the price limits of the instrument. */
    private Outcome<Checked> check(
            Instrument instrument, String sideText, BigDecimal price, BigDecimal units, String validityText) {
        List<Refusal> refusals = new ArrayList<>();
        Side side = null;
        if (sideText == null || sideText.isBlank()) {
            refusals.add(Refusal.of("side", "exchange.required"));
        } else {
            try {
                side = Side.valueOf(sideText.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                refusals.add(Refusal.of("side", "exchange.order.side-invalid"));
            }
        }
        Validity validity = Validity.DAY;
        if (validityText != null && !validityText.isBlank()) {
            try {
                validity = Validity.valueOf(validityText.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                refusals.add(Refusal.of("validity", "exchange.order.validity-invalid"));
            }
        }
        Long quantity = null;
        if (units == null) {
            refusals.add(Refusal.of("tradingUnits", "exchange.required"));
        } else if (units.stripTrailingZeros().scale() > 0
                || units.compareTo(BigDecimal.ONE) < 0
                || units.compareTo(BigDecimal.valueOf(Order.MAX_TRADING_UNITS)) > 0) {
            refusals.add(Refusal.of("tradingUnits", "exchange.order.units-invalid", Order.MAX_TRADING_UNITS));
        } else {
            quantity = units.longValueExact();
        }
        Long limit = null;
        PriceLimits limits = instrument.limits();
        if (price == null) {
            refusals.add(Refusal.of("limitPriceJpy", "exchange.required"));
        } else if (price.stripTrailingZeros().scale() > 0) {
            refusals.add(Refusal.of("limitPriceJpy", "exchange.order.price-not-whole"));
        } else if (price.signum() <= 0 || price.compareTo(BigDecimal.valueOf(limits.upperJpy())) > 0) {
            refusals.add(limits.check("limitPriceJpy", limits.upperJpy() + 1)
                    .refusals()
                    .get(0));
        } else {
            Outcome<Long> admitted = limits.check("limitPriceJpy", price.longValueExact());
            if (admitted.refused()) {
                refusals.addAll(admitted.refusals());
            } else {
                limit = admitted.value();
            }
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(INVALID, refusals);
        }
        return Outcome.done(new Checked(side, limit, quantity, validity));
    }

    /** Why orders may not be entered or changed now: a suspended instrument or no open window. */
    private Optional<Refusal> tradable(Instrument instrument) {
        if (instrument.status() != InstrumentStatus.OPEN) {
            return Optional.of(Refusal.of("$", "exchange.instrument.suspended"));
        }
        return window();
    }

    private Optional<Refusal> window() {
        if (calendar.acceptsOrders()) {
            return Optional.empty();
        }
        return Optional.of(Refusal.of(
                "$",
                "exchange.order.window-closed",
                OPENING.format(calendar.nextOpening().atZone(calendar.zone()))));
    }

    private static Optional<Refusal> active(OrderRow order) {
        return order.status() == OrderStatus.ACTIVE
                ? Optional.empty()
                : Optional.of(Refusal.of(
                        "$", "exchange.order.not-active", order.status().name()));
    }

    private Outcome<OrderRow> own(AmamoPrincipal user, long orderId) {
        Optional<OrderRow> order = store.order(orderId);
        if (order.isEmpty()) {
            return Outcome.refused(NOT_FOUND, Refusal.of("$", "exchange.order.not-found"));
        }
        if (order.get().userId() != user.userId()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.order.not-yours"));
        }
        return Outcome.done(order.get());
    }

    /** The order as read is no longer what it is: changed meanwhile, or the window or instrument closed. */
    private Optional<Refusal> stale(OrderRow before, long instrumentId) {
        Instrument instrument = store.lockInstrument(instrumentId).orElseThrow();
        OrderRow now = store.lockOrder(before.id()).orElseThrow();
        if (now.version() != before.version() || now.status() != OrderStatus.ACTIVE) {
            return Optional.of(Refusal.of("$", "exchange.order.changed-meanwhile"));
        }
        return tradable(instrument);
    }

    /**
     * Takes the order out of the book for a move in the registry, recording the change asked (null for a
     * cancellation); the new version, or refused if it changed.
     */
    private Outcome<Integer> begin(OrderRow before, long instrumentId, OrderStatus status, PendingChange change) {
        return transactions.execute(tx -> {
            store.lockInstrument(instrumentId).orElseThrow();
            OrderRow now = store.lockOrder(before.id()).orElseThrow();
            if (now.version() != before.version() || now.status() != OrderStatus.ACTIVE) {
                return Outcome.refused(CONFLICT, Refusal.of("$", "exchange.order.changed-meanwhile"));
            }
            Optional<Refusal> closed = status == OrderStatus.CANCELLING
                    ? window()
                    : tradable(store.instrument(instrumentId).orElseThrow());
            if (closed.isPresent()) {
                return Outcome.refused(CONFLICT, closed.get());
            }
            store.begin(before.id(), status, change, calendar.now());
            return Outcome.done(before.version() + 1);
        });
    }

    /** The batch a sell order names: by id, or the one the holder's selection names in the account. */
    private Outcome<CreditBatch> namedBatch(AmamoPrincipal user, OrderTerms terms, long registryUnits) {
        SelectedCredits selection = terms.selection();
        boolean selected = selection != null && selection.given();
        if (terms.batchId() != null && selected) {
            return Outcome.refused(INVALID, Refusal.of("batchId", "exchange.order.selection-both"));
        }
        if (selected) {
            return registry.selectedBatch(user, terms.fromAccountId(), selection, registryUnits);
        }
        if (terms.batchId() == null) {
            return Outcome.refused(INVALID, Refusal.of("batchId", "exchange.required"));
        }
        return registry.batch(terms.batchId())
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(NOT_FOUND, Refusal.of("batchId", "exchange.order.batch-not-found")));
    }

    /** Why the batch may not be sold on this instrument: its programme, credit type or ecosystem group differ. */
    private Optional<Refusal> category(Instrument instrument, long batchId) {
        Optional<BatchCategory> category = registry.category(batchId);
        String prefix = programmes
                .find(instrument.programmeCode())
                .map(Programme::serialPrefix)
                .orElse(instrument.programmeCode());
        boolean fits = category.isPresent()
                && category.get().programmePrefix().equals(prefix)
                && category.get().creditType().name().equals(instrument.creditType())
                && EcosystemGroups.of(category.get().ecosystems()).equals(instrument.ecosystemGroup());
        return fits ? Optional.empty() : Optional.of(Refusal.of("batchId", "exchange.order.batch-other-category"));
    }

    /** The registry units of a batch the user holds in one of their own accounts (none in anyone else's). */
    private long held(AmamoPrincipal user, long accountId, long batchId) {
        return registry.holdings(user).stream()
                .filter(h -> h.accountId() == accountId && h.batch().batchId() == batchId)
                .mapToLong(HeldCredits::creditUnits)
                .sum();
    }

    /** The registry's refusals of a malformed selection, never weighed against the ledger. */
    private static final Set<String> INVALID_REGISTRY_KEYS = Set.of(
            "registry.selection.one",
            "registry.selection.count",
            "registry.selection.batch-invalid",
            "registry.selection.project-invalid",
            "registry.serial.invalid",
            "registry.required",
            "registry.year.range");

    /** The registry's refusal, with the kind its reason deserves. */
    static <T> Outcome<T> registryRefusal(MarketMove move) {
        String key = move.refusals().get(0).messageKey();
        RefusalKind kind = key.endsWith("not-yours")
                ? FORBIDDEN
                : key.endsWith("not-found")
                        ? NOT_FOUND
                        : key.startsWith("registry.units.") || INVALID_REGISTRY_KEYS.contains(key) ? INVALID : CONFLICT;
        return Outcome.refused(kind, move.refusals());
    }
}
