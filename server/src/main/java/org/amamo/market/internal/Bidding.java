package org.amamo.market.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

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
import org.amamo.platform.Outcome;
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

    Outcome<Long> place(AmamoPrincipal user, long roundId, BidTerms terms) {
        if (!buyer(user)) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "market.bid.not-buyer"));
        }
        return underLock(roundId, round -> {
            Outcome<Long> refused = check(round, terms);
            if (refused != null) {
                return refused;
            }
            if (store.activeBidCount(roundId, user.userId()) >= MAX_BIDS_PER_BUYER) {
                return Outcome.refused(CONFLICT, Refusal.of("$", "market.bid.too-many", MAX_BIDS_PER_BUYER));
            }
            return Outcome.done(store.insertBid(roundId, user.userId(), terms, clock.instant()));
        });
    }

    Outcome<Long> change(AmamoPrincipal user, long bidId, BidTerms terms) {
        return own(user, bidId)
                .orElseGet(() -> underLock(store.bid(bidId).orElseThrow().roundId(), round -> {
                    Outcome<Long> refused = check(round, terms);
                    if (refused != null) {
                        return refused;
                    }
                    store.updateBid(bidId, terms, clock.instant());
                    return Outcome.done(bidId);
                }));
    }

    Outcome<Long> withdraw(AmamoPrincipal user, long bidId) {
        return own(user, bidId)
                .orElseGet(() -> underLock(store.bid(bidId).orElseThrow().roundId(), round -> {
                    if (!round.takesBids(clock.instant())) {
                        return windowRefusal(round);
                    }
                    store.withdrawBid(bidId, clock.instant());
                    return Outcome.done(bidId);
                }));
    }

    /** Refuses a bid that is not the user's own active bid, or a user who is no buyer. */
    private Optional<Outcome<Long>> own(AmamoPrincipal user, long bidId) {
        if (!buyer(user)) {
            return Optional.of(Outcome.refused(FORBIDDEN, Refusal.of("$", "market.bid.not-buyer")));
        }
        Optional<Bid> bid = store.bid(bidId);
        if (bid.isEmpty()) {
            return Optional.of(Outcome.refused(NOT_FOUND, Refusal.of("$", "market.bid.not-found")));
        }
        if (bid.get().buyerUserId() != user.userId()) {
            return Optional.of(Outcome.refused(FORBIDDEN, Refusal.of("$", "market.bid.not-yours")));
        }
        if (!bid.get().active()) {
            return Optional.of(Outcome.refused(CONFLICT, Refusal.of("$", "market.bid.withdrawn")));
        }
        return Optional.empty();
    }

    /** Why a bid may not stand in this round now, or null. */
    private Outcome<Long> check(Round round, BidTerms terms) {
        if (!round.takesBids(clock.instant())) {
            return windowRefusal(round);
        }
        Outcome<Void> valid = validate(round, store.consignments(round.id()), terms);
        return valid.isDone() ? null : valid.cast();
    }

    private static Outcome<Long> windowRefusal(Round round) {
        return round.status() == RoundStatus.OPEN
                ? Outcome.refused(CONFLICT, Refusal.of("$", "market.bid.outside-window"))
                : Outcome.refused(CONFLICT, Refusal.of("$", "market.bid.round-not-open"));
    }

    /** Everything wrong with a bid's terms in a round offering {@code lots}, each naming its field. */
    Outcome<Void> validate(Round round, List<Consignment> lots, BidTerms terms) {
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
        return Outcome.invalidUnlessEmpty(refusals);
    }

    static String tonnes(long units) {
        return java.math.BigDecimal.valueOf(units, 1).toPlainString();
    }

    private Outcome<Long> underLock(long roundId, Rounds.Step step) {
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
