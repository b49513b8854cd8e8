package org.amamo.market.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.market.internal.MarketRows.Bid;
import org.amamo.market.internal.MarketRows.Consignment;
import org.amamo.market.internal.MarketRows.Round;
import org.amamo.platform.Refusal;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.RetirementOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealed bids. A buyer is a signed-in user with the holder role (保有者 / 購入者). Bids are placed, changed and
 * withdrawn only while the round takes bids (OPEN, within its window), each under the round's row lock, so that a
 * bid and the close never cross. A bid asks at most what is on offer (of its project, or in all), at a price of at
 * least the round's minimum. Nobody but its buyer sees a bid before the round closes.
 */
@Service
class Bidding {

    /** The most active bids one buyer may hold in one round. */
    static final int MAX_BIDS_PER_BUYER = 20;

    private final MarketStore store;
    private final MarketSettlement registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Bidding(MarketStore store, MarketSettlement registry, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    static boolean buyer(AmamoPrincipal user) {
        return user.has(Role.HOLDER);
    }

    Verdict<Long> place(AmamoPrincipal user, long roundId, BidTerms terms) {
        if (!buyer(user)) {
            return Verdict.forbidden("market.bid.not-buyer");
        }
        return underLock(roundId, round -> {
            Verdict<Long> refused = check(round, terms);
            if (refused != null) {
                return refused;
            }
            if (store.activeBidCount(roundId, user.userId()) >= MAX_BIDS_PER_BUYER) {
                return Verdict.conflict("$", "market.bid.too-many", MAX_BIDS_PER_BUYER);
            }
            return Verdict.done(store.insertBid(roundId, user.userId(), terms, clock.instant()));
        });
    }

    Verdict<Long> change(AmamoPrincipal user, long bidId, BidTerms terms) {
        return own(user, bidId)
                .orElseGet(() -> underLock(store.bid(bidId).orElseThrow().roundId(), round -> {
                    Verdict<Long> refused = check(round, terms);
                    if (refused != null) {
                        return refused;
                    }
                    store.updateBid(bidId, terms, clock.instant());
                    return Verdict.done(bidId);
                }));
    }

    Verdict<Long> withdraw(AmamoPrincipal user, long bidId) {
        return own(user, bidId)
                .orElseGet(() -> underLock(store.bid(bidId).orElseThrow().roundId(), round -> {
                    if (!round.takesBids(clock.instant())) {
                        return windowRefusal(round);
                    }
                    store.withdrawBid(bidId, clock.instant());
                    return Verdict.done(bidId);
                }));
    }

    /** Refuses a bid that is not the user's own active bid, or a user who is no buyer. */
    private Optional<Verdict<Long>> own(AmamoPrincipal user, long bidId) {
        if (!buyer(user)) {
            return Optional.of(Verdict.forbidden("market.bid.not-buyer"));
        }
        Optional<Bid> bid = store.bid(bidId);
        if (bid.isEmpty()) {
            return Optional.of(Verdict.notFound("$", "market.bid.not-found"));
        }
        if (bid.get().buyerUserId() != user.userId()) {
            return Optional.of(Verdict.forbidden("market.bid.not-yours"));
        }
        if (!bid.get().active()) {
            return Optional.of(Verdict.conflict("$", "market.bid.withdrawn"));
        }
        return Optional.empty();
    }

    /** Why a bid may not stand in this round now, or null. */
    private Verdict<Long> check(Round round, BidTerms terms) {
        if (!round.takesBids(clock.instant())) {
            return windowRefusal(round);
        }
        List<Refusal> refusals = refusals(round, store.consignments(round.id()), terms);
        return refusals.isEmpty() ? null : Verdict.invalid(refusals);
    }

    private static Verdict<Long> windowRefusal(Round round) {
        return round.status() == RoundStatus.OPEN
                ? Verdict.conflict("$", "market.bid.outside-window")
                : Verdict.conflict("$", "market.bid.round-not-open");
    }

    /** Everything wrong with a bid's terms in a round offering {@code lots}, each naming its field. */
    List<Refusal> refusals(Round round, List<Consignment> lots, BidTerms terms) {
        List<Refusal> refusals = new ArrayList<>();
        boolean projectOffered = terms.projectCode() == null
                || lots.stream().anyMatch(lot -> lot.projectCode().equals(terms.projectCode()));
        if (!projectOffered) {
            refusals.add(Refusal.of("projectCode", "market.bid.project-not-offered"));
        }
        long offered = lots.stream()
                .filter(lot -> terms.projectCode() == null || lot.projectCode().equals(terms.projectCode()))
                .mapToLong(Consignment::creditUnits)
                .sum();
        if (terms.creditUnits() < 1) {
            refusals.add(Refusal.of("creditUnits", "market.quantity.invalid"));
        } else if (projectOffered && terms.creditUnits() > offered) {
            refusals.add(Refusal.of("creditUnits", "market.bid.above-offer", tonnes(offered)));
        }
        Optional<Refusal> price = Rounds.price(terms.priceJpy(), "priceJpy");
        if (price.isPresent()) {
            refusals.add(price.get());
        } else if (terms.priceJpy().compareTo(round.minimumPriceJpy()) < 0) {
            refusals.add(Refusal.of(
                    "priceJpy",
                    "market.bid.below-minimum",
                    round.minimumPriceJpy().toPlainString()));
        }
        if (terms.purpose() == null || !registry.retirementPurposes().contains(terms.purpose())) {
            refusals.add(Refusal.of("purpose", "market.bid.purpose"));
        }
        if (terms.retireAtOnce()) {
            Rounds.text(terms.beneficiary(), "beneficiary", RetirementOrder.MAX_BENEFICIARY_LENGTH)
                    .ifPresent(refusals::add);
            Rounds.text(terms.emissionsOffset(), "emissionsOffset", RetirementOrder.MAX_EMISSIONS_OFFSET_LENGTH)
                    .ifPresent(refusals::add);
        }
        return refusals;
    }

    static String tonnes(long units) {
        return java.math.BigDecimal.valueOf(units, 1).toPlainString();
    }

    private Verdict<Long> underLock(long roundId, Rounds.Step step) {
        return transactions.execute(status -> {
            Optional<Round> round = store.lockRound(roundId);
            if (round.isEmpty()) {
                return Verdict.notFound("$", "market.round.not-found");
            }
            Verdict<Long> verdict = step.apply(round.get());
            if (verdict.refused()) {
                status.setRollbackOnly();
            }
            return verdict;
        });
    }

    /** The user's own bids (in one round, or all), newest first. */
    List<Bid> mine(AmamoPrincipal user, Long roundId) {
        return store.bidsOf(user.userId(), roundId, 100);
    }

    java.util.List<String> retirementPurposes() {
        return registry.retirementPurposes();
    }

    Instant now() {
        return clock.instant();
    }
}
