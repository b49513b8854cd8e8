package org.amamo.market.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.market.internal.MarketRows.Consignment;
import org.amamo.market.internal.MarketRows.Round;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.Written;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.SelectedCredits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round's life up to the close: the secretariat creates it (DRAFT, with its escrow account in the registry),
 * holders consign credits to it, the secretariat opens it (announced, bids taken during the window) and it closes,
 * by the secretariat's action or by {@link MarketDeadlines} when the window ends.
 *
 * <p>Registry calls run outside the market's transactions (the registry runs each operation in a transaction of
 * its own and retries it), so that a refusal there never rolls back the market's bookkeeping half-way.
 */
@Service
class Rounds {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_RULES_LENGTH = 8_000;
    /** The highest price per t-CO2 anyone may name (JPY): far above any price the scheme has seen. */
    static final BigDecimal MAX_PRICE_JPY = new BigDecimal("10000000");

    static final int MIN_PAYMENT_DAYS = 1;
    static final int MAX_PAYMENT_DAYS = 90;
    /** The most lots (consignments) one round may offer. */
    static final int MAX_LOTS = 50;

    private final MarketStore store;
    private final MarketSettlement registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Rounds(MarketStore store, MarketSettlement registry, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * What the secretariat sets when creating a round; {@code titleEn} and {@code rulesEn} are the optional English
     * version (null or blank: none).
     */
    record RoundTerms(
            String title,
            String rules,
            BigDecimal minimumPriceJpy,
            Instant opensAt,
            Instant closesAt,
            Integer paymentDays,
            String titleEn,
            String rulesEn) {

        /** Terms without an English version. */
        RoundTerms(
                String title,
                String rules,
                BigDecimal minimumPriceJpy,
                Instant opensAt,
                Instant closesAt,
                Integer paymentDays) {
            this(title, rules, minimumPriceJpy, opensAt, closesAt, paymentDays, null, null);
        }
    }

    Outcome<Long> create(AmamoPrincipal user, RoundTerms terms) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "market.secretariat-only"));
        }
        Outcome<Void> valid = validate(terms, clock.instant());
        if (valid.refused()) {
            return valid.cast();
        }
        long id = store.insertRound(
                terms.title().strip(),
                terms.rules().strip(),
                terms.minimumPriceJpy(),
                terms.opensAt(),
                terms.closesAt(),
                terms.paymentDays(),
                Written.optional(terms.titleEn()),
                Written.optional(terms.rulesEn()),
                user.userId(),
                clock.instant());
        long escrow = registry.openEscrow("market-round-" + id, "Escrow of solicitation round " + id);
        store.setEscrow(id, escrow);
        return Outcome.done(id);
    }

    /** Done when the terms make a round; else refused as invalid, one refusal per bad field. */
    static Outcome<Void> validate(RoundTerms terms, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        text(terms.title(), "title", MAX_TITLE_LENGTH).ifPresent(refusals::add);
        text(terms.rules(), "rules", MAX_RULES_LENGTH).ifPresent(refusals::add);
        price(terms.minimumPriceJpy(), "minimumPriceJpy").ifPresent(refusals::add);
        optionalText(terms.titleEn(), "titleEn", MAX_TITLE_LENGTH).ifPresent(refusals::add);
        optionalText(terms.rulesEn(), "rulesEn", MAX_RULES_LENGTH).ifPresent(refusals::add);
        if (terms.opensAt() == null) {
            refusals.add(Refusal.of("opensAt", "market.required"));
        }
        if (terms.closesAt() == null) {
            refusals.add(Refusal.of("closesAt", "market.required"));
        } else if (terms.opensAt() != null && !terms.closesAt().isAfter(terms.opensAt())) {
            refusals.add(Refusal.of("closesAt", "market.round.closes-before-opening"));
        } else if (!terms.closesAt().isAfter(now)) {
            refusals.add(Refusal.of("closesAt", "market.round.closes-in-past"));
        }
        Integer days = terms.paymentDays();
        if (days == null || days < MIN_PAYMENT_DAYS || days > MAX_PAYMENT_DAYS) {
            refusals.add(
                    Refusal.of("paymentDays", "market.round.payment-days.range", MIN_PAYMENT_DAYS, MAX_PAYMENT_DAYS));
        }
        return Outcome.invalidUnlessEmpty(refusals);
    }

    static Optional<Refusal> text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.of(Refusal.of(field, "market.required"));
        }
        if (value.length() > maxLength) {
            return Optional.of(Refusal.of(field, "market.text.too-long", maxLength));
        }
        return Optional.empty();
    }

    /** An optional text (an English version): blank is none, else at most {@code maxLength} characters. */
    static Optional<Refusal> optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? Optional.empty() : text(value, field, maxLength);
    }

    /** A price per t-CO2: positive whole yen, at most {@link #MAX_PRICE_JPY}. */
    static Optional<Refusal> price(BigDecimal value, String field) {
        if (value == null) {
            return Optional.of(Refusal.of(field, "market.required"));
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(MAX_PRICE_JPY) > 0) {
            return Optional.of(Refusal.of(field, "market.price.invalid", MAX_PRICE_JPY.toPlainString()));
        }
        return Optional.empty();
    }

    /** Consigns units of one batch from one of the holder's accounts to a DRAFT round's escrow. */
    Outcome<Long> consign(
            AmamoPrincipal holder, long roundId, long fromAccountId, long batchId, long units, String requestKey) {
        return consign(holder, roundId, fromAccountId, batchId, SelectedCredits.NONE, units, requestKey);
    }

    /**
     * Consigns units from one of the holder's accounts to a DRAFT round's escrow: of the batch {@code batchId} names
     * (its lowest serials), or the credits the holder selects (a batch serial, a serial range, or a project and
     * vintage, within one batch); one of the two, not both.
     */
    Outcome<Long> consign(
            AmamoPrincipal holder,
            long roundId,
            long fromAccountId,
            Long batchId,
            SelectedCredits selection,
            long units,
            String requestKey) {
        Optional<Round> found = store.round(roundId);
        if (found.isEmpty()) {
            return Outcome.refused(NOT_FOUND, Refusal.of("$", "market.round.not-found"));
        }
        if (units < 1) {
            return Outcome.refused(INVALID, Refusal.of("tonnes", "market.quantity.invalid"));
        }
        Outcome<CreditBatch> batch = namedBatch(registry, holder, fromAccountId, batchId, selection, units, "batchId");
        if (batch.refused()) {
            return batch.cast();
        }
        Outcome<Long> pending =
                transactions.execute(status -> insertPending(holder, roundId, fromAccountId, batch.value(), units));
        if (pending.refused()) {
            return pending;
        }
        long consignmentId = pending.value();
        String key = "market-round-" + roundId + "-consign-"
                + (requestKey == null || requestKey.isBlank() ? "c" + consignmentId : requestKey.strip());
        MarketMove move = registry.consign(
                holder,
                fromAccountId,
                found.get().escrowAccountId(),
                batch.value().batchId(),
                units,
                selection == null ? SelectedCredits.NONE : selection,
                key.length() > 100 ? key.substring(0, 100) : key);
        if (!move.done() || move.replayed()) {
            // Refused, or a repeated submission the registry already applied: this row is not a lot.
            store.deleteConsignment(consignmentId);
            return move.done()
                    ? Outcome.refused(CONFLICT, Refusal.of("$", "market.consign.repeated"))
                    : registryRefusal(move);
        }
        store.consignmentStatus(consignmentId, "ACTIVE");
        return Outcome.done(consignmentId);
    }

    /**
     * The one batch a consignment or reported trade moves: the one {@code batchId} names, or the one the holder's
     * selection names in the account. Neither, or both, is refused as invalid at {@code batchField}.
     */
    static Outcome<CreditBatch> namedBatch(
            MarketSettlement registry,
            AmamoPrincipal holder,
            long fromAccountId,
            Long batchId,
            SelectedCredits selection,
            long units,
            String batchField) {
        boolean selected = selection != null && selection.given();
        if (batchId != null && selected) {
            return Outcome.refused(INVALID, Refusal.of(batchField, "market.selection.both"));
        }
        if (selected) {
            return registry.selectedBatch(holder, fromAccountId, selection, units);
        }
        if (batchId == null) {
            return Outcome.refused(INVALID, Refusal.of(batchField, "market.required"));
        }
        return registry.batch(batchId)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(NOT_FOUND, Refusal.of(batchField, "market.batch.not-found")));
    }

    private Outcome<Long> insertPending(
            AmamoPrincipal holder, long roundId, long fromAccountId, CreditBatch batch, long units) {
        Round round = store.lockRound(roundId).orElseThrow();
        if (round.status() != RoundStatus.DRAFT) {
            return Outcome.refused(CONFLICT, Refusal.of("$", "market.consign.not-draft"));
        }
        if (store.consignments(roundId).size() >= MAX_LOTS) {
            return Outcome.refused(CONFLICT, Refusal.of("$", "market.consign.too-many", MAX_LOTS));
        }
        return Outcome.done(store.insertConsignment(
                roundId,
                holder.userId(),
                fromAccountId,
                batch.batchId(),
                batch.batchSerial(),
                batch.projectCode(),
                batch.projectName(),
                batch.vintage(),
                units,
                clock.instant()));
    }

    /** The registry's refusals of a malformed selection, never weighed against the ledger. */
    private static final Set<String> INVALID_REGISTRY_KEYS = Set.of(
            "registry.selection.one",
            "registry.selection.count",
            "registry.selection.batch-invalid",
            "registry.selection.project-invalid",
            "registry.serial.invalid",
            "registry.required",
            "registry.year.range",
            "registry.transfer.same-account");

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

    /** Opens a DRAFT round that has lots on offer: from now on it is announced and takes bids in its window. */
    Outcome<Long> open(AmamoPrincipal user, long roundId) {
        return move(user, roundId, round -> {
            if (round.status() != RoundStatus.DRAFT) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of("$", "market.round.state", round.status().name()));
            }
            List<Consignment> lots = store.consignments(roundId);
            if (lots.stream().anyMatch(lot -> "PENDING".equals(lot.status()))) {
                return Outcome.refused(CONFLICT, Refusal.of("$", "market.round.consignment-pending"));
            }
            if (lots.isEmpty()) {
                return Outcome.refused(CONFLICT, Refusal.of("$", "market.round.nothing-offered"));
            }
            if (!round.closesAt().isAfter(clock.instant())) {
                return Outcome.refused(CONFLICT, Refusal.of("$", "market.round.closes-in-past"));
            }
            store.moveRound(roundId, RoundStatus.OPEN, "opened_at", clock.instant());
            return Outcome.done(roundId);
        });
    }

    /** Ends bidding now (the secretariat may end it before the announced close; the time is recorded). */
    Outcome<Long> close(AmamoPrincipal user, long roundId) {
        return move(user, roundId, round -> {
            if (round.status() != RoundStatus.OPEN) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of("$", "market.round.state", round.status().name()));
            }
            store.moveRound(roundId, RoundStatus.CLOSED, "closed_at", clock.instant());
            return Outcome.done(roundId);
        });
    }

    /** Closes every open round whose window has ended by {@code now}; the number closed. */
    int closeDue(Instant now) {
        int closed = 0;
        for (long id : store.roundsClosingBy(now)) {
            Boolean done = transactions.execute(status -> store.lockRound(id)
                    .filter(round -> round.status() == RoundStatus.OPEN
                            && !round.closesAt().isAfter(now))
                    .map(round -> {
                        store.moveRound(id, RoundStatus.CLOSED, "closed_at", round.closesAt());
                        return true;
                    })
                    .orElse(false));
            closed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return closed;
    }

    interface Step {
        Outcome<Long> apply(Round round);
    }

    /** A secretariat's move of a round, under the round's row lock. */
    Outcome<Long> move(AmamoPrincipal user, long roundId, Step step) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "market.secretariat-only"));
        }
        return transactions.execute(status -> {
            Optional<Round> round = store.lockRound(roundId);
            if (round.isEmpty()) {
                return Outcome.refused(NOT_FOUND, Refusal.of("$", "market.round.not-found"));
            }
            Outcome<Long> outcome = step.apply(round.get());
            if (outcome.refused()) {
                status.setRollbackOnly();
            }
            return outcome;
        });
    }
}
