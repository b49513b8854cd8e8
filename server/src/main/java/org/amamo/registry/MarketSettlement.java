package org.amamo.registry;

import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;

/**
 * What the market (購入者公募 and reported trades) may ask of the registry. The market never touches the
 * registry's tables: it asks here, and the registry moves the units, journals each operation like any other and
 * keeps its invariants.
 *
 * <p>A solicitation round has an escrow account (エスクロー口座). Holders consign units of one batch to it; while
 * they rest there they are active credits but belong to no holder, so nobody can transfer, retire or cancel them
 * except through this interface. From escrow the market delivers sold units to the buyer's holding account (opened
 * for the buyer if they have none, as on issuance), or retires them on the buyer's behalf with the retirement
 * disclosure, and releases unsold units back to the account they came from.
 *
 * <p>Every state-changing call takes an idempotency key (at most 100 characters, e.g.
 * {@code market-round-12-allocation-5-deliver}): calling again with the same key and the same request returns the
 * first result, marked replayed, and moves nothing; the same key with a different request is refused. A refused
 * call changes nothing.
 */
public interface MarketSettlement {

    /** Opens (or finds, for the same reference) the escrow account of a round; the answer is its account id. */
    long openEscrow(String reference, String name);

    /**
     * Moves {@code creditUnits} of one batch from the holder's own holding account into an escrow account, lowest
     * serials first. Refused unless the holder owns the open account and holds that many units of the batch there.
     */
    default MarketMove consign(
            AmamoPrincipal holder,
            long fromAccountId,
            long escrowAccountId,
            long batchId,
            long creditUnits,
            String key) {
        return consign(holder, fromAccountId, escrowAccountId, batchId, creditUnits, SelectedCredits.NONE, key);
    }

    /**
     * Consigns as above, but the credits the holder selected (see {@link #selectedBatch}), which must all be of
     * {@code batchId}: with a serial range exactly those serials, else the lowest serials of the selection.
     */
    MarketMove consign(
            AmamoPrincipal holder,
            long fromAccountId,
            long escrowAccountId,
            long batchId,
            long creditUnits,
            SelectedCredits selection,
            String key);

    /**
     * The one batch whose credits a holder's selection names in the holder's own account, for a consignment or a
     * reported trade of {@code creditUnits}: refused as invalid (a malformed or double selection, a serial range of
     * another count), forbidden or not found (not the holder's account, an unknown batch or project), or a conflict
     * (a serial range past its batch's last serial, or a project and vintage whose lowest serials lie in more than one
     * batch); each refusal names the selection's field. Whether the account holds the credits is checked when they
     * move.
     */
    Outcome<CreditBatch> selectedBatch(
            AmamoPrincipal holder, long fromAccountId, SelectedCredits selection, long creditUnits);

    /**
     * Delivers units of a batch from escrow to the buyer's own holding account, opening one for the buyer if they
     * have none (approving it if requested). Refused if the buyer's account is closed or escrow lacks the units.
     */
    MarketMove deliver(
            long escrowAccountId, long batchId, long creditUnits, long buyerUserId, Long actingUserId, String key);

    /**
     * Retires units of a batch from escrow on the buyer's behalf, with the public retirement disclosure; the
     * answer carries the retirement record's id, whose certificate is public at
     * {@code /registry/retirements/{id}/certificate.pdf}.
     */
    MarketMove retireFor(
            long escrowAccountId, long batchId, long creditUnits, RetirementOrder order, Long actingUserId, String key);

    /** Returns units of a batch from escrow to the open holding account they were consigned from. */
    MarketMove release(
            long escrowAccountId, long batchId, long creditUnits, long toAccountId, Long actingUserId, String key);

    /**
     * Transfers units of one batch (not whichever block a plain transfer draws on first) from the holder's
     * own open holding account to another open holding account: a bilateral trade reported to the market.
     */
    default MarketMove transferBatch(
            AmamoPrincipal holder, long fromAccountId, long toAccountId, long batchId, long creditUnits, String key) {
        return transferBatch(holder, fromAccountId, toAccountId, batchId, creditUnits, SelectedCredits.NONE, key);
    }

    /** Transfers as above, but the credits the holder selected, all of {@code batchId} (see {@link #consign}). */
    MarketMove transferBatch(
            AmamoPrincipal holder,
            long fromAccountId,
            long toAccountId,
            long batchId,
            long creditUnits,
            SelectedCredits selection,
            String key);

    /**
     * What the state-changing call made under an idempotency key came to, asked without making one: the first answer,
     * marked replayed, exactly as a retry of that call would get it ({@link MarketMove#done() done} if the registry
     * moved the units, with its journal entry, units and serial ranges; refused, with the refusals the ledger gave, if
     * it did not), or empty if the registry recorded nothing under the key, so that nothing moved under it. Moves
     * nothing and records nothing.
     *
     * <p>For a caller that lost the answer (a crash, or an error on the way back, between its own record of what it
     * asked and the registry's) and must decide whether to finish its side or undo it without moving units twice. A
     * call still in flight under the key may yet record its answer: ask once such a call must have ended.
     */
    Optional<MarketMove> moveByKey(String key);

    /** The units a user holds per account and batch, in their own and their organisation's open accounts. */
    List<HeldCredits> holdings(AmamoPrincipal holder);

    /** The units of a batch resting in an account (an escrow account, say). */
    long unitsOfBatch(long accountId, long batchId);

    /** A batch as the market names it: project, vintage and serial prefix. */
    Optional<CreditBatch> batch(long batchId);

    /** A batch's programme, credit type and ecosystems, for the exchange's trading categories; empty if unknown. */
    Optional<BatchCategory> category(long batchId);

    /** The retirement purposes a disclosure may name (e.g. {@code CORPORATE}); labelled {@code registry.purpose.*}. */
    List<String> retirementPurposes();
}
