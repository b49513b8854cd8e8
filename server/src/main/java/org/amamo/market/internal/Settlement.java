package org.amamo.market.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.NotificationKind;
import org.amamo.identity.NotificationMail;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.market.internal.MarketRows.Allocation;
import org.amamo.market.internal.MarketRows.Bid;
import org.amamo.market.internal.MarketRows.Consignment;
import org.amamo.market.internal.MarketRows.Round;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.RetirementOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * From the close to the results. The secretariat allocates a CLOSED round by {@link AllocationRule}
 * (the rule lives there alone); each allocation then awaits payment until the deadline ({@code payment_days} after
 * allocation). The seller (the consignor of the allocation's lot) confirms payment, and the registry delivers the
 * units to the buyer or retires them on the buyer's behalf. An allocation still unpaid at the deadline lapses (by
 * the secretariat's action or {@link MarketDeadlines}). Once no allocation awaits payment, the escrow's unsold
 * units go back to their consignors and the round is SETTLED: its results are public.
 *
 * <p>Every registry call carries an idempotency key naming the round and the allocation or consignment
 * ({@code market-round-12-allocation-5-deliver}), so a settlement retried after a failure never moves units twice.
 */
@Service
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    /** Where a buyer sees its allocations, what it owes and by when. */
    private static final String BUYERS_PAGE = "/account/market";

    private final MarketStore store;
    private final Rounds rounds;
    private final MarketSettlement registry;
    private final UserDirectory users;
    private final NotificationMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int reminderDays;

    Settlement(
            MarketStore store,
            Rounds rounds,
            MarketSettlement registry,
            UserDirectory users,
            NotificationMail mail,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${amamo.market.payment-reminder-days:2}") int reminderDays) {
        this.store = store;
        this.rounds = rounds;
        this.registry = registry;
        this.users = users;
        this.mail = mail;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    /** Allocates a closed round; a round nobody bid on goes straight to returning its lots. */
    Outcome<Long> allocate(AmamoPrincipal user, long roundId) {
        Outcome<Long> outcome = rounds.move(user, roundId, round -> {
            if (round.status() != RoundStatus.CLOSED) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of("$", "market.round.state", round.status().name()));
            }
            List<Consignment> lots = store.consignments(roundId);
            List<Bid> bids = store.activeBids(roundId);
            List<AllocationRule.Award> awards = AllocationRule.allocate(
                    lots.stream()
                            .map(lot -> new AllocationRule.Lot(lot.id(), lot.projectCode(), lot.creditUnits()))
                            .toList(),
                    bids.stream()
                            .map(bid -> new AllocationRule.Bid(
                                    bid.id(), bid.projectCode(), bid.creditUnits(), bid.priceJpy(), bid.placedAt()))
                            .toList(),
                    round.minimumPriceJpy());
            for (var award : awards) {
                store.insertAllocation(
                        roundId, award.bidId(), award.lotId(), award.units(), award.priceJpy(), award.amountJpy());
            }
            Instant now = clock.instant();
            store.allocated(roundId, now, now.plus(Duration.ofDays(round.paymentDays())));
            Map<Long, Long> buyers = new HashMap<>();
            bids.forEach(bid -> buyers.put(bid.id(), bid.buyerUserId()));
            mail.send(
                    awards.stream()
                            .map(award -> buyers.get(award.bidId()))
                            .distinct()
                            .toList(),
                    NotificationKind.BID_ALLOCATED,
                    "market.mail.allocated",
                    round.title(),
                    BUYERS_PAGE);
            return Outcome.done(roundId);
        });
        if (!outcome.refused()) {
            finish(roundId);
        }
        return outcome;
    }

    /**
     * The seller confirms that the buyer paid; the registry then delivers (or retires). Repeating it for a PAID
     * allocation whose delivery failed tries the delivery again under the same key.
     */
    Outcome<Long> confirmPayment(AmamoPrincipal user, long allocationId) {
        Optional<Allocation> found = store.allocation(allocationId);
        if (found.isEmpty()) {
            return Outcome.refused(NOT_FOUND, Refusal.of("$", "market.allocation.not-found"));
        }
        Consignment lot = store.consignment(found.get().consignmentId()).orElseThrow();
        if (lot.consignorUserId() != user.userId()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "market.payment.not-seller"));
        }
        Outcome<Long> paid = transactions.execute(status -> {
            Allocation allocation = store.lockAllocation(allocationId).orElseThrow();
            Round round = store.round(allocation.roundId()).orElseThrow();
            if (allocation.status() == AllocationStatus.AWAITING_PAYMENT) {
                if (!clock.instant().isBefore(round.paymentDueAt())) {
                    return Outcome.refused(CONFLICT, Refusal.of("$", "market.payment.past-due"));
                }
                store.paid(allocationId, user.userId(), clock.instant());
                return Outcome.done(allocationId);
            }
            return allocation.status() == AllocationStatus.PAID
                    ? Outcome.done(allocationId)
                    : Outcome.refused(
                            CONFLICT,
                            Refusal.of(
                                    "$",
                                    "market.allocation.state",
                                    allocation.status().name()));
        });
        if (paid.refused()) {
            return paid;
        }
        Outcome<Long> delivered = deliver(store.allocation(allocationId).orElseThrow(), lot, user.userId());
        if (!delivered.refused()) {
            finish(found.get().roundId());
        }
        return delivered;
    }

    private Outcome<Long> deliver(Allocation allocation, Consignment lot, long actingUserId) {
        Round round = store.round(allocation.roundId()).orElseThrow();
        Bid bid = store.bid(allocation.bidId()).orElseThrow();
        String key = "market-round-" + round.id() + "-allocation-" + allocation.id();
        MarketMove move;
        if (bid.retireAtOnce()) {
            RetirementOrder order = new RetirementOrder(
                    bid.beneficiary(),
                    bid.purpose(),
                    bid.emissionsOffset(),
                    null,
                    "購入者公募 " + round.id() + " / " + round.title());
            move = registry.retireFor(
                    round.escrowAccountId(),
                    lot.batchId(),
                    allocation.creditUnits(),
                    order,
                    actingUserId,
                    key + "-retire");
        } else {
            move = registry.deliver(
                    round.escrowAccountId(),
                    lot.batchId(),
                    allocation.creditUnits(),
                    bid.buyerUserId(),
                    actingUserId,
                    key + "-deliver");
        }
        if (!move.done()) {
            return Rounds.registryRefusal(move);
        }
        store.settled(
                allocation.id(),
                bid.retireAtOnce() ? null : move.toAccountId(),
                move.retirementId(),
                String.join(" ", move.serialRanges()),
                clock.instant());
        return Outcome.done(allocation.id());
    }

    /** Lapses an allocation still unpaid at its deadline (secretariat). */
    Outcome<Long> lapse(AmamoPrincipal user, long allocationId) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "market.secretariat-only"));
        }
        Optional<Allocation> found = store.allocation(allocationId);
        if (found.isEmpty()) {
            return Outcome.refused(NOT_FOUND, Refusal.of("$", "market.allocation.not-found"));
        }
        Outcome<Long> outcome = lapse(allocationId, clock.instant());
        if (!outcome.refused()) {
            finish(found.get().roundId());
        }
        return outcome;
    }

    private Outcome<Long> lapse(long allocationId, Instant now) {
        return transactions.execute(status -> {
            Allocation allocation = store.lockAllocation(allocationId).orElseThrow();
            Round round = store.round(allocation.roundId()).orElseThrow();
            if (allocation.status() != AllocationStatus.AWAITING_PAYMENT) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of(
                                "$",
                                "market.allocation.state",
                                allocation.status().name()));
            }
            if (now.isBefore(round.paymentDueAt())) {
                return Outcome.refused(CONFLICT, Refusal.of("$", "market.allocation.not-due"));
            }
            store.lapsed(allocationId, now);
            store.bid(allocation.bidId())
                    .ifPresent(bid -> mail.send(
                            List.of(bid.buyerUserId()),
                            NotificationKind.PAYMENT_LAPSED,
                            "market.mail.lapsed",
                            round.title(),
                            BUYERS_PAGE));
            return Outcome.done(allocationId);
        });
    }

    /** Lapses every allocation unpaid at {@code now}; the number lapsed. */
    int lapseDue(Instant now) {
        int lapsed = 0;
        for (long id : store.allocationsDueBy(now)) {
            Outcome<Long> outcome = lapse(id, now);
            if (!outcome.refused()) {
                lapsed++;
                finish(store.allocation(id).orElseThrow().roundId());
            }
        }
        return lapsed;
    }

    /**
     * Reminds the buyer of each allocation still unpaid {@code amamo.market.payment-reminder-days} (2) calendar days
     * or less before its payment deadline, once per allocation: the reminder is recorded in the transaction that
     * queues its mail, by a statement that only one instance's attempt can win. The number reminded.
     */
    int remindDue(Instant now) {
        int reminded = 0;
        for (long id : store.allocationsToRemind(now, reminderDays)) {
            Boolean sent = transactions.execute(status -> {
                if (!store.reminded(id, now)) {
                    return false;
                }
                Allocation allocation = store.allocation(id).orElseThrow();
                Round round = store.round(allocation.roundId()).orElseThrow();
                Bid bid = store.bid(allocation.bidId()).orElseThrow();
                mail.sendFormatted(
                        List.of(bid.buyerUserId()),
                        NotificationKind.PAYMENT_DUE,
                        "market.mail.payment-due",
                        BUYERS_PAGE,
                        round.title(),
                        new java.text.DecimalFormat(
                                        "#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                                .format(allocation.amountJpy()),
                        DEADLINE.format(round.paymentDueAt()));
                return true;
            });
            reminded += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return reminded;
    }

    /** A deadline in a mail: Japan's time, as the market's pages show it. */
    private static final java.time.format.DateTimeFormatter DEADLINE = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm")
            .withZone(org.amamo.platform.SchemeTime.ZONE);

    /**
     * Once no allocation of an ALLOCATED round awaits payment or delivery, returns each lot's unsold units to the
     * account they came from and marks the round SETTLED. A refused return (the consignor's account was closed
     * meanwhile) leaves the round ALLOCATED; the next call tries again under the same key.
     */
    void finish(long roundId) {
        Round round = store.round(roundId).orElseThrow();
        List<Allocation> allocations = store.allocations(roundId);
        boolean open = allocations.stream()
                .anyMatch(a -> a.status() == AllocationStatus.AWAITING_PAYMENT || a.status() == AllocationStatus.PAID);
        if (round.status() != RoundStatus.ALLOCATED || open) {
            return;
        }
        Map<Long, Long> sold = new HashMap<>();
        allocations.stream()
                .filter(a -> a.status() == AllocationStatus.SETTLED)
                .forEach(a -> sold.merge(a.consignmentId(), a.creditUnits(), Long::sum));
        boolean allReturned = true;
        for (Consignment lot : store.consignments(roundId)) {
            if (!"ACTIVE".equals(lot.status())) {
                continue;
            }
            long unsold = lot.creditUnits() - sold.getOrDefault(lot.id(), 0L);
            if (unsold > 0) {
                MarketMove move = registry.release(
                        round.escrowAccountId(),
                        lot.batchId(),
                        unsold,
                        lot.fromAccountId(),
                        null,
                        "market-round-" + roundId + "-consignment-" + lot.id() + "-release");
                if (!move.done()) {
                    log.warn("round {}: returning lot {} refused: {}", roundId, lot.id(), move.refusals());
                    allReturned = false;
                    continue;
                }
            }
            store.released(lot.id(), unsold, clock.instant());
        }
        if (allReturned) {
            transactions.executeWithoutResult(status -> store.lockRound(roundId)
                    .filter(r -> r.status() == RoundStatus.ALLOCATED)
                    .ifPresent(r -> store.moveRound(roundId, RoundStatus.SETTLED, "settled_at", clock.instant())));
        }
    }

    /** Finishes every allocated round that has nothing left to settle. */
    void finishAllocated() {
        store.rounds(List.of(RoundStatus.ALLOCATED), MarketQueries.LIST_LIMIT).forEach(round -> finish(round.id()));
    }

    /** The name shown for a user on documents: their organisation's name and theirs. */
    String nameOf(long userId) {
        return users.find(userId).map(UserSummary::displayName).orElse("#" + userId);
    }
}
