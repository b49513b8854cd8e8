package org.amamo.exchange.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.exchange.PriceLimits;
import org.amamo.exchange.internal.ExchangeRows.Instrument;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.amamo.registry.CreditType;
import org.amamo.registry.MarketSettlement;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secretariat's side of the exchange: instruments (one per trading category, each with its escrow account in the
 * registry), suspended and reopened; and the holders approved for trading (a buy order needs the approval).
 */
@Service
class Instruments {

    private final ExchangeStore store;
    private final MarketSettlement registry;
    private final Programmes programmes;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Instruments(
            ExchangeStore store,
            MarketSettlement registry,
            Programmes programmes,
            UserDirectory users,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.registry = registry;
        this.programmes = programmes;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What the secretariat names for a new instrument; the reference price in whole yen per t-CO2. */
    record InstrumentTerms(
            String programmeCode, String creditType, String ecosystemGroup, BigDecimal referencePriceJpy) {}

    Outcome<Long> create(AmamoPrincipal user, InstrumentTerms terms) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.secretariat-only"));
        }
        List<Refusal> refusals = new ArrayList<>();
        Optional<Programme> programme =
                terms.programmeCode() == null || terms.programmeCode().isBlank()
                        ? Optional.empty()
                        : programmes.find(terms.programmeCode().strip());
        if (programme.isEmpty()) {
            refusals.add(Refusal.of("programmeCode", "exchange.instrument.programme-unknown"));
        }
        Optional<CreditType> type = creditType(terms.creditType());
        if (type.isEmpty()) {
            refusals.add(Refusal.of("creditType", "exchange.instrument.credit-type-unknown"));
        }
        String group =
                terms.ecosystemGroup() == null ? "" : terms.ecosystemGroup().strip();
        if (!EcosystemGroups.ALL.contains(group)) {
            refusals.add(Refusal.of("ecosystemGroup", "exchange.instrument.group-unknown"));
        }
        Optional<Long> price = wholeYen(terms.referencePriceJpy(), PriceLimits.MAX_REFERENCE_PRICE_JPY);
        if (price.isEmpty()) {
            refusals.add(Refusal.of(
                    "referencePriceJpy", "exchange.instrument.reference-invalid", PriceLimits.MAX_REFERENCE_PRICE_JPY));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(INVALID, refusals);
        }
        String code = programme.get().code();
        if (store.instrument(code, type.get().name(), group).isPresent()) {
            return Outcome.refused(CONFLICT, Refusal.of("ecosystemGroup", "exchange.instrument.exists"));
        }
        long id;
        try {
            id = transactions.execute(status -> store.insertInstrument(
                    code, type.get().name(), group, price.get(), user.userId(), clock.instant()));
        } catch (DuplicateKeyException concurrentlyCreated) {
            return Outcome.refused(CONFLICT, Refusal.of("ecosystemGroup", "exchange.instrument.exists"));
        }
        long escrow = registry.openEscrow("exchange-instrument-" + id, "Escrow of exchange instrument " + id);
        store.setEscrow(id, escrow);
        return Outcome.done(id);
    }

    /** Suspends an open instrument: no order is entered or changed until it reopens; cancelling stays possible. */
    Outcome<Long> suspend(AmamoPrincipal user, long id) {
        return move(user, id, InstrumentStatus.OPEN, InstrumentStatus.SUSPENDED);
    }

    /** Reopens a suspended instrument. */
    Outcome<Long> reopen(AmamoPrincipal user, long id) {
        return move(user, id, InstrumentStatus.SUSPENDED, InstrumentStatus.OPEN);
    }

    private Outcome<Long> move(AmamoPrincipal user, long id, InstrumentStatus from, InstrumentStatus to) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.secretariat-only"));
        }
        return transactions.execute(status -> {
            Optional<Instrument> instrument = store.lockInstrument(id);
            if (instrument.isEmpty()) {
                return Outcome.refused(NOT_FOUND, Refusal.of("$", "exchange.instrument.not-found"));
            }
            if (instrument.get().status() != from) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of(
                                "$",
                                "exchange.instrument.state",
                                instrument.get().status().name()));
            }
            store.instrumentStatus(id, to, user.userId(), clock.instant());
            return Outcome.done(id);
        });
    }

    /** Approves a holder (a user with the holder role) for trading, or revokes the approval. */
    Outcome<Long> decideTrader(AmamoPrincipal user, Long traderId, String email, boolean approve) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.secretariat-only"));
        }
        Optional<UserSummary> trader = traderId != null
                ? users.find(traderId)
                : email == null || email.isBlank() ? Optional.empty() : users.findByEmail(email.strip());
        if (trader.isEmpty()) {
            if (traderId == null && (email == null || email.isBlank())) {
                return Outcome.refused(INVALID, Refusal.of("email", "exchange.required"));
            }
            return Outcome.refused(NOT_FOUND, Refusal.of(traderId != null ? "$" : "email", "exchange.trader.unknown"));
        }
        long id = trader.get().userId();
        if (approve && !trader.get().roles().contains(Role.HOLDER)) {
            return Outcome.refused(
                    CONFLICT, Refusal.of(traderId != null ? "$" : "email", "exchange.trader.not-holder"));
        }
        transactions.executeWithoutResult(
                status -> store.decideTrader(id, approve ? "APPROVED" : "REVOKED", user.userId(), clock.instant()));
        return Outcome.done(id);
    }

    static Optional<CreditType> creditType(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (CreditType type : CreditType.values()) {
            if (type.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** A positive whole number of yen up to {@code max}; anything else (a fraction, zero, negative) is empty. */
    static Optional<Long> wholeYen(BigDecimal value, long max) {
        if (value == null
                || value.signum() <= 0
                || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }
}
