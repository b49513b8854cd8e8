package org.amamo.exchange.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import java.util.List;
import java.util.Optional;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeRows.ContractRow;
import org.amamo.exchange.internal.SettlementStore.Contract;
import org.amamo.exchange.internal.SettlementStore.Delivery;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.RetirementOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles the contracts of the call auctions. The buyer pays the seller outside the system; the seller confirms the
 * payment (AWAITING_PAYMENT → PAID), and the registry then moves the contract's units from the instrument's escrow:
 * to the buyer's holding account, or, if the buyer asked while the contract awaited payment, into a retirement on the
 * buyer's behalf with its disclosure (PAID → SETTLED). A contract still awaiting payment once the exchange's date is
 * after its settlement date lapses: its units return from escrow to the seller's account, and the lapse counts
 * against the buyer.
 *
 * <p>The registry is asked outside the contract's transaction (its own calls are transactions that may retry) and
 * always under a key naming the contract: {@code exchange-contract-<id>-deliver}, {@code -retire} or {@code -lapse}.
 * A delivery that failed leaves the contract PAID; the seller's next confirmation asks again under the same key, so
 * nothing ever moves twice. A lapse moves the units first and then marks the contract; nothing else can happen to a
 * contract past its date in between, and a lapse interrupted there completes on the next pass under its key.
 */
@Service
class ContractSettlement {

    private static final Logger log = LoggerFactory.getLogger(ContractSettlement.class);

    private final SettlementStore store;
    private final MarketSettlement registry;
    private final TradingCalendar calendar;
    private final TransactionTemplate transactions;
    private final AuctionStore auctions;

    ContractSettlement(
            SettlementStore store,
            AuctionStore auctions,
            MarketSettlement registry,
            TradingCalendar calendar,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.auctions = auctions;
        this.registry = registry;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The buyer asks that the contract's credits be retired on its behalf, with the disclosure of {@code terms}. */
    Outcome<Long> requestRetirement(AmamoPrincipal user, long contractId, RetirementTerms terms) {
        Outcome<ContractRow> found = asBuyer(user, contractId);
        if (found.refused()) {
            return found.cast();
        }
        List<Refusal> invalid = terms.refusals(registry.retirementPurposes());
        if (!invalid.isEmpty()) {
            return Outcome.refused(INVALID, invalid);
        }
        return underLock(contractId, contract -> {
            Optional<Refusal> closed = awaitingPayment(contract);
            if (closed.isPresent()) {
                return Outcome.refused(CONFLICT, closed.get());
            }
            store.requestRetirement(contractId, terms, calendar.now());
            return Outcome.done(contractId);
        });
    }

    /** The buyer withdraws its request: the credits will be delivered to its account. */
    Outcome<Long> withdrawRetirement(AmamoPrincipal user, long contractId) {
        Outcome<ContractRow> found = asBuyer(user, contractId);
        if (found.refused()) {
            return found.cast();
        }
        return underLock(contractId, contract -> {
            Optional<Refusal> closed = awaitingPayment(contract);
            if (closed.isPresent()) {
                return Outcome.refused(CONFLICT, closed.get());
            }
            store.withdrawRetirement(contractId);
            return Outcome.done(contractId);
        });
    }

    /**
     * The seller confirms that the buyer paid; the registry then delivers the units to the buyer or retires them on
     * its behalf. Confirming a PAID contract (its delivery failed) asks the registry again under the same key.
     */
    Outcome<Long> confirmPayment(AmamoPrincipal user, long contractId) {
        Optional<ContractRow> found = auctions.contract(contractId);
        if (found.isEmpty()) {
            return notFound();
        }
        if (found.get().sellerUserId() != user.userId()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.contract.not-seller"));
        }
        Outcome<Long> paid = underLock(contractId, contract -> {
            if (contract.status().equals("PAID")) {
                return Outcome.done(contractId);
            }
            Optional<Refusal> closed = awaitingPayment(contract);
            if (closed.isPresent()) {
                return Outcome.refused(CONFLICT, closed.get());
            }
            store.paid(contractId, user.userId(), calendar.now());
            return Outcome.done(contractId);
        });
        return paid.refused() ? paid : deliver(store.contract(contractId).orElseThrow(), user.userId());
    }

    private Outcome<Long> deliver(Contract contract, long actingUserId) {
        ContractRow row = contract.row();
        Delivery delivery = contract.delivery();
        String key = "exchange-contract-" + row.id();
        MarketMove move;
        if (delivery.retireForBuyer()) {
            RetirementOrder order = new RetirementTerms(
                            delivery.beneficiary(), delivery.purpose(), delivery.emissionsOffset(), delivery.note())
                    .order();
            move = registry.retireFor(
                    row.escrowAccountId(), row.batchId(), row.creditUnits(), order, actingUserId, key + "-retire");
        } else {
            move = registry.deliver(
                    row.escrowAccountId(),
                    row.batchId(),
                    row.creditUnits(),
                    row.buyerUserId(),
                    actingUserId,
                    key + "-deliver");
        }
        if (!move.done()) {
            log.warn("exchange: contract {} paid but not delivered: {}", row.id(), move.refusals());
            return OrderDesk.registryRefusal(move);
        }
        transactions.executeWithoutResult(tx -> store.settled(
                row.id(),
                delivery.retireForBuyer() ? null : move.toAccountId(),
                move.retirementId(),
                String.join(" ", move.serialRanges()),
                calendar.now()));
        return Outcome.done(row.id());
    }

    /** The secretariat lapses one contract still awaiting payment after its settlement date. */
    Outcome<Long> lapse(AmamoPrincipal user, long contractId) {
        if (!user.isSecretariat()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.secretariat-only"));
        }
        if (auctions.contract(contractId).isEmpty()) {
            return notFound();
        }
        return lapse(contractId);
    }

    /** Lapses every contract still awaiting payment after its settlement date; how many lapsed. */
    int lapseDue() {
        int lapsed = 0;
        for (long id : store.dueForLapse(calendar.today())) {
            try {
                lapsed += lapse(id).refused() ? 0 : 1;
            } catch (RuntimeException failed) {
                // One contract's failure must not stop the others' lapses; the next pass tries it again.
                log.error("exchange: the lapse of contract {} failed", id, failed);
            }
        }
        if (lapsed > 0) {
            log.info("exchange: {} contracts lapsed unpaid", lapsed);
        }
        return lapsed;
    }

    private Outcome<Long> lapse(long contractId) {
        Outcome<ContractRow> due = underLock(contractId, contract -> {
            if (!contract.status().equals("AWAITING_PAYMENT")) {
                return Outcome.refused(CONFLICT, state(contract));
            }
            if (!calendar.today().isAfter(contract.settlementDate())) {
                return Outcome.refused(
                        CONFLICT,
                        Refusal.of(
                                "$",
                                "exchange.contract.not-due",
                                contract.settlementDate().toString()));
            }
            return Outcome.done(contract);
        });
        if (due.refused()) {
            return due.cast();
        }
        ContractRow contract = due.value();
        MarketMove move = registry.release(
                contract.escrowAccountId(),
                contract.batchId(),
                contract.creditUnits(),
                contract.sellerAccountId(),
                null,
                "exchange-contract-" + contractId + "-lapse");
        if (!move.done()) {
            log.warn("exchange: the units of lapsed contract {} did not return: {}", contractId, move.refusals());
            return OrderDesk.registryRefusal(move);
        }
        transactions.executeWithoutResult(tx -> store.lapsed(contractId, calendar.now()));
        return Outcome.done(contractId);
    }

    /** Refused unless the contract awaits payment and its settlement date has not passed. */
    private Optional<Refusal> awaitingPayment(ContractRow contract) {
        if (!contract.status().equals("AWAITING_PAYMENT")) {
            return Optional.of(state(contract));
        }
        if (calendar.today().isAfter(contract.settlementDate())) {
            return Optional.of(Refusal.of(
                    "$",
                    "exchange.contract.past-settlement-date",
                    contract.settlementDate().toString()));
        }
        return Optional.empty();
    }

    private static Refusal state(ContractRow contract) {
        return Refusal.of("$", "exchange.contract.state", contract.status());
    }

    private Outcome<ContractRow> asBuyer(AmamoPrincipal user, long contractId) {
        Optional<ContractRow> found = auctions.contract(contractId);
        if (found.isEmpty()) {
            return notFound();
        }
        if (found.get().buyerUserId() != user.userId()) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "exchange.contract.not-buyer"));
        }
        return Outcome.done(found.get());
    }

    private <T> Outcome<T> underLock(long contractId, java.util.function.Function<ContractRow, Outcome<T>> step) {
        return transactions.execute(
                tx -> step.apply(auctions.lockContract(contractId).orElseThrow()));
    }

    private static <T> Outcome<T> notFound() {
        return Outcome.refused(NOT_FOUND, Refusal.of("$", "exchange.contract.not-found"));
    }
}
