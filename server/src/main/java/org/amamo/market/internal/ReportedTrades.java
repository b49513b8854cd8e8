package org.amamo.market.internal;

import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

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
    record TradeTerms(Long fromAccountId, Long toAccountId, Long batchId, long creditUnits, BigDecimal priceJpy) {}

    Outcome<Long> report(AmamoPrincipal seller, TradeTerms terms, String requestKey) {
        List<Refusal> invalid = new java.util.ArrayList<>();
        if (terms.fromAccountId() == null || terms.batchId() == null) {
            invalid.add(Refusal.of("holding", "market.required"));
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
        Optional<CreditBatch> batch = registry.batch(terms.batchId());
        if (batch.isEmpty()) {
            return Outcome.refused(NOT_FOUND, Refusal.of("holding", "market.batch.not-found"));
        }
        MarketMove move = registry.transferBatch(
                seller, terms.fromAccountId(), terms.toAccountId(), terms.batchId(), terms.creditUnits(), registryKey);
        if (!move.done()) {
            return Rounds.registryRefusal(move);
        }
        CreditBatch b = batch.get();
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
