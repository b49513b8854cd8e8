package org.amamo.market.internal;

import static org.amamo.platform.RefusalKind.INVALID;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.SelectedCredits;
import org.springframework.stereotype.Service;

/**
 * Bilateral trades outside rounds, reported with their price (seed 004's call for a price signal): the seller
 * transfers units of one batch through the registry and the market records the price, marked REPORTED. Nobody
 * verifies a reported price; it is published apart from the rounds' prices.
 */
@Service
class ReportedTrades {

    private final MarketStore store;
    private final MarketSettlement registry;
    private final Clock clock;

    ReportedTrades(MarketStore store, MarketSettlement registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /** What a seller reports: from which of their accounts, to which account, which batch, how much, at what price. */
    record TradeTerms(
            Long fromAccountId,
            Long toAccountId,
            Long batchId,
            long creditUnits,
            BigDecimal priceJpy,
            SelectedCredits selection) {

        TradeTerms {
            selection = selection == null ? SelectedCredits.NONE : selection;
        }

        TradeTerms(Long fromAccountId, Long toAccountId, Long batchId, long creditUnits, BigDecimal priceJpy) {
            this(fromAccountId, toAccountId, batchId, creditUnits, priceJpy, SelectedCredits.NONE);
        }
    }

    Outcome<Long> report(AmamoPrincipal seller, TradeTerms terms, String requestKey) {
        List<Refusal> invalid = new java.util.ArrayList<>();
        if (terms.fromAccountId() == null
                || terms.batchId() == null && !terms.selection().given()) {
            invalid.add(Refusal.of("holding", "market.required"));
        } else if (terms.batchId() != null && terms.selection().given()) {
            invalid.add(Refusal.of("batchId", "market.selection.both"));
        }
        if (terms.toAccountId() == null) {
            invalid.add(Refusal.of("toAccountId", "market.required"));
        }
        if (terms.creditUnits() < 1) {
            invalid.add(Refusal.of("creditUnits", "market.quantity.invalid"));
        }
        Rounds.price(terms.priceJpy(), "priceJpy").ifPresent(invalid::add);
        if (!invalid.isEmpty()) {
            return Outcome.refused(INVALID, invalid);
        }
        String key = "market-trade-"
                + (requestKey == null || requestKey.isBlank() ? java.util.UUID.randomUUID() : requestKey.strip());
        String registryKey = key.length() > 100 ? key.substring(0, 100) : key;
        Optional<Long> earlier = store.tradeByKey(registryKey);
        if (earlier.isPresent()) {
            return Outcome.done(earlier.get());
        }
        Outcome<CreditBatch> batch = Rounds.namedBatch(
                registry,
                seller,
                terms.fromAccountId(),
                terms.batchId(),
                terms.selection(),
                terms.creditUnits(),
                "holding");
        if (batch.refused()) {
            return batch.cast();
        }
        CreditBatch b = batch.value();
        MarketMove move = registry.transferBatch(
                seller,
                terms.fromAccountId(),
                terms.toAccountId(),
                b.batchId(),
                terms.creditUnits(),
                terms.selection(),
                registryKey);
        if (!move.done()) {
            return Rounds.registryRefusal(move);
        }
        try {
            return Outcome.done(store.insertTrade(
                    seller.userId(),
                    terms.fromAccountId(),
                    terms.toAccountId(),
                    b.batchId(),
                    b.batchSerial(),
                    b.projectCode(),
                    b.projectName(),
                    b.vintage(),
                    terms.creditUnits(),
                    terms.priceJpy(),
                    registryKey,
                    move.entryId(),
                    clock.instant()));
        } catch (org.springframework.dao.DuplicateKeyException concurrentRepeat) {
            return Outcome.done(store.tradeByKey(registryKey).orElseThrow());
        }
    }
}
