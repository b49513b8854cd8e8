package org.amamo.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.BatchCategory;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.HeldCredits;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.RetirementOrder;
import org.amamo.registry.SelectedCredits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's side of the market ({@link MarketSettlement}): escrow accounts, consignment, delivery, retirement
 * on a buyer's behalf, release and batch transfers. Each operation runs like the registry's own ({@link Registry}):
 * once per idempotency key, in one transaction that locks the accounts whose blocks change in ascending id order,
 * moves serial ranges with {@link BlockMover} and appends a chained journal entry. Unlike a plain transfer it takes
 * the lowest serials of one named batch, because the market sells a project's credits, not whatever an account
 * happens to hold first.
 */
@Service
class MarketDesk implements MarketSettlement {

    /** Escrow accounts' owner keys are {@code E:<reference>}; the column holds 40 characters. */
    static final int MAX_REFERENCE_LENGTH = 38;

    private final Registry registry;
    private final AccountStore accountStore;
    private final BatchStore batchStore;
    private final JournalStore journalStore;
    private final BatchBlocks blocks;
    private final BatchTake batchTake;
    private final SelectedPieces selectedPieces;
    private final RetirementMove retirementMove;
    private final BlockMover mover;
    private final Journal journal;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BatchCategories categories;
    private final RequestKeyStore keyStore;

    MarketDesk(
            Registry registry,
            AccountStore accountStore,
            BatchStore batchStore,
            JournalStore journalStore,
            BatchBlocks blocks,
            BatchTake batchTake,
            SelectedPieces selectedPieces,
            RetirementMove retirementMove,
            BlockMover mover,
            Journal journal,
            UserDirectory users,
            PlatformTransactionManager transactionManager,
            Clock clock,
            BatchCategories categories,
            RequestKeyStore keyStore) {
        this.registry = registry;
        this.accountStore = accountStore;
        this.batchStore = batchStore;
        this.journalStore = journalStore;
        this.blocks = blocks;
        this.batchTake = batchTake;
        this.selectedPieces = selectedPieces;
        this.retirementMove = retirementMove;
        this.mover = mover;
        this.journal = journal;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.categories = categories;
        this.keyStore = keyStore;
    }

    static String escrowKey(String reference) {
        return "E:" + reference;
    }

    @Override
    public long openEscrow(String reference, String name) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException("escrow reference must be 1 to " + MAX_REFERENCE_LENGTH + " characters");
        }
        try {
            return transactions.execute(status -> accountStore
                    .accountByOwnerKey(escrowKey(reference))
                    .map(AccountRow::id)
                    .orElseGet(() -> insertEscrow(reference, name)));
        } catch (DuplicateKeyException concurrentlyOpened) {
            return accountStore
                    .accountByOwnerKey(escrowKey(reference))
                    .orElseThrow()
                    .id();
        }
    }

    private long insertEscrow(String reference, String name) {
        long id = accountStore.insertAccount(
                AccountKind.ESCROW,
                AccountStatus.OPEN,
                escrowKey(reference),
                null,
                null,
                null,
                name,
                null,
                clock.instant());
        List<AccountRow> locked = accountStore.lockAccounts(List.of(id));
        journal.append(
                journalStore.nextEntryId(),
                Operation.ACCOUNT_OPENED,
                Actor.SYSTEM,
                null,
                null,
                0,
                new Payload()
                        .with("account", id)
                        .with("kind", AccountKind.ESCROW)
                        .with("reference", reference),
                locked,
                List.of());
        return id;
    }

    @Override
    public MarketMove consign(
            AmamoPrincipal holder,
            long fromAccountId,
            long escrowAccountId,
            long batchId,
            long creditUnits,
            SelectedCredits selection,
            String key) {
        Actor actor = Actor.of(holder);
        Outcome<Optional<CreditSelection>> selected = parse(selection, creditUnits);
        if (selected.refused()) {
            return MarketMove.refused(selected.refusals());
        }
        List<Object> request = fields(selected.value(), fromAccountId, escrowAccountId, batchId);
        return move(Operation.CONSIGN, actor, key, creditUnits, request, print -> {
            Optional<Outcome<Receipt>> refused = owned(actor, fromAccountId);
            if (refused.isEmpty()) {
                refused = escrow(escrowAccountId);
            }
            return refused.orElseGet(() -> apply(
                    new Move(Operation.CONSIGN, actor, key, print, creditUnits),
                    fromAccountId,
                    escrowAccountId,
                    batchId,
                    selected.value(),
                    new Payload()));
        });
    }

    @Override
    public Outcome<CreditBatch> selectedBatch(
            AmamoPrincipal holder, long fromAccountId, SelectedCredits selection, long creditUnits) {
        Outcome<Optional<CreditSelection>> parsed = parse(selection, creditUnits);
        if (parsed.refused()) {
            return parsed.cast();
        }
        if (parsed.value().isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("batch", "registry.required"));
        }
        Optional<Outcome<Receipt>> refused = owned(Actor.of(holder), fromAccountId);
        if (refused.isPresent()) {
            return refused.get().cast();
        }
        CreditSelection selected = parsed.value().get();
        Outcome<List<BatchStore.BatchRow>> batches = selectedPieces.batches(selected);
        if (batches.refused()) {
            return batches.cast();
        }
        if (!(selected instanceof CreditSelection.ByProjectVintage)) {
            return Outcome.done(BatchBlocks.batch(batches.value().get(0)));
        }
        // The lowest serials of the project's batches of the vintage, lowest batch first: the first batch the
        // account holds any of must hold them all, since a consignment or trade is of one batch.
        long held = 0;
        for (BatchStore.BatchRow batch : batches.value()) {
            long units = blocks.units(fromAccountId, batch.id());
            if (held == 0 && units >= creditUnits) {
                return Outcome.done(BatchBlocks.batch(batch));
            }
            held += units;
        }
        return Outcome.refused(
                RefusalKind.CONFLICT,
                held >= creditUnits
                        ? Refusal.of("projectCode", "registry.selection.several-batches")
                        : Refusal.of("projectCode", "registry.selection.insufficient", creditUnits, held));
    }

    @Override
    public MarketMove deliver(
            long escrowAccountId, long batchId, long creditUnits, long buyerUserId, Long actingUserId, String key) {
        Actor actor = new Actor(actingUserId, null, true);
        List<Object> request = List.of(escrowAccountId, batchId, buyerUserId);
        return move(Operation.DELIVER, actor, key, creditUnits, request, print -> {
            Optional<Outcome<Receipt>> refused = escrow(escrowAccountId);
            if (refused.isPresent()) {
                return refused.get();
            }
            Outcome<Long> buyer = buyerAccount(buyerUserId, actor);
            if (buyer.refused()) {
                return buyer.cast();
            }
            return apply(
                    new Move(Operation.DELIVER, actor, key, print, creditUnits),
                    escrowAccountId,
                    buyer.value(),
                    batchId,
                    Optional.empty(),
                    new Payload().with("buyer", buyerUserId));
        });
    }

    @Override
    public MarketMove retireFor(
            long escrowAccountId,
            long batchId,
            long creditUnits,
            RetirementOrder order,
            Long actingUserId,
            String key) {
        Actor actor = new Actor(actingUserId, null, true);
        Optional<RetirementPurpose> purpose = Arrays.stream(RetirementPurpose.values())
                .filter(p -> p.name().equals(order.purpose()))
                .findFirst();
        RetirementDisclosure disclosure = new RetirementDisclosure(
                order.beneficiary(),
                purpose.orElse(null),
                order.emissionsOffset(),
                order.reportingYear(),
                order.note());
        List<Refusal> invalid = Registry.disclosureRefusals(disclosure);
        if (!invalid.isEmpty()) {
            return MarketMove.refused(invalid);
        }
        return move(
                Operation.RETIRE,
                actor,
                key,
                creditUnits,
                List.of(
                        escrowAccountId,
                        batchId,
                        disclosure.beneficiary(),
                        disclosure.purpose(),
                        disclosure.emissionsOffset(),
                        String.valueOf(disclosure.reportingYear()),
                        String.valueOf(disclosure.note())),
                print -> escrow(escrowAccountId)
                        .orElseGet(() ->
                                applyRetirement(actor, key, print, creditUnits, escrowAccountId, batchId, disclosure)));
    }

    @Override
    public MarketMove release(
            long escrowAccountId, long batchId, long creditUnits, long toAccountId, Long actingUserId, String key) {
        Actor actor = new Actor(actingUserId, null, true);
        return move(
                Operation.RELEASE,
                actor,
                key,
                creditUnits,
                List.of(escrowAccountId, batchId, toAccountId),
                print -> escrow(escrowAccountId)
                        .orElseGet(() -> apply(
                                new Move(Operation.RELEASE, actor, key, print, creditUnits),
                                escrowAccountId,
                                toAccountId,
                                batchId,
                                Optional.empty(),
                                new Payload())));
    }

    @Override
    public MarketMove transferBatch(
            AmamoPrincipal holder,
            long fromAccountId,
            long toAccountId,
            long batchId,
            long creditUnits,
            SelectedCredits selection,
            String key) {
        Actor actor = Actor.of(holder);
        if (fromAccountId == toAccountId) {
            return MarketMove.refused(List.of(Refusal.of("toAccountId", "registry.transfer.same-account")));
        }
        Outcome<Optional<CreditSelection>> selected = parse(selection, creditUnits);
        if (selected.refused()) {
            return MarketMove.refused(selected.refusals());
        }
        List<Object> request = fields(selected.value(), fromAccountId, toAccountId, batchId);
        return move(
                Operation.TRANSFER,
                actor,
                key,
                creditUnits,
                request,
                print -> owned(actor, fromAccountId)
                        .orElseGet(() -> apply(
                                new Move(Operation.TRANSFER, actor, key, print, creditUnits),
                                fromAccountId,
                                toAccountId,
                                batchId,
                                selected.value(),
                                new Payload().with("reported", "market"))));
    }

    private static Outcome<Optional<CreditSelection>> parse(SelectedCredits selection, long creditUnits) {
        SelectedCredits given = selection == null ? SelectedCredits.NONE : selection;
        return CreditSelection.parse(
                new Registry.Selection(given.batch(), given.serialRange(), given.projectCode(), given.vintage()),
                creditUnits);
    }

    /**
     * A request's fields for its fingerprint; only a selected request's names its selection, so that the keys of
     * requests by batch id keep the fingerprints they always had.
     */
    private static List<Object> fields(Optional<CreditSelection> selection, Object... fields) {
        List<Object> all = new ArrayList<>(Arrays.asList(fields));
        selection.ifPresent(selected -> all.add(selected.text()));
        return all;
    }

    @Override
    public List<HeldCredits> holdings(AmamoPrincipal holder) {
        return blocks.held(holder.userId(), holder.organisationId());
    }

    @Override
    public long unitsOfBatch(long accountId, long batchId) {
        return blocks.units(accountId, batchId);
    }

    @Override
    public Optional<CreditBatch> batch(long batchId) {
        return batchStore.batch(batchId).map(BatchBlocks::batch);
    }

    @Override
    public Optional<BatchCategory> category(long batchId) {
        return categories.of(batchId);
    }

    @Override
    public Optional<MarketMove> moveByKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        // The same two records a retry is answered from (Registry.run): the journal entry the key names, or the
        // refusal kept under it. A refusal that was not kept (an invalid request, a busy ledger) moved nothing either.
        return keyStore.keyUse(key)
                .map(use -> use.entryId() != null
                        ? answer(Outcome.done(journal.receipt(
                                journalStore.entry(use.entryId()).orElseThrow(), true)))
                        : MarketMove.refused(keyStore.refusal(key).orElseThrow().refusals()));
    }

    @Override
    public List<String> retirementPurposes() {
        return Arrays.stream(RetirementPurpose.values()).map(Enum::name).toList();
    }

    // ---- the transactional parts

    /** What a move between two accounts journals: its operation, actor, idempotency key, fingerprint and units. */
    private record Move(Operation operation, Actor actor, String key, String print, long units) {}

    /**
     * Moves units of one batch from one account to another: locks both (ascending id), checks that the source may
     * give and the destination may receive, takes the batch's lowest serials (or the holder's selection of them)
     * and journals the move.
     */
    private Outcome<Receipt> apply(
            Move move,
            long fromAccountId,
            long toAccountId,
            long batchId,
            Optional<CreditSelection> selection,
            Payload payload) {
        Optional<Outcome<Receipt>> refused =
                AccountRules.exists(accountStore.account(toAccountId).orElse(null), "toAccountId");
        if (refused.isPresent()) {
            return refused.get();
        }
        List<AccountRow> locked = accountStore.lockAccounts(List.of(fromAccountId, toAccountId));
        AccountRow from = find(locked, fromAccountId);
        AccountRow to = find(locked, toAccountId);
        if (!AccountRules.escrowed(from)) {
            refused = AccountRules.openHolding(from, "fromAccountId");
        }
        if (refused.isEmpty()) {
            refused = move.operation() == Operation.CONSIGN
                    ? AccountRules.openEscrow(to, "toAccountId")
                    : AccountRules.openHolding(to, "toAccountId");
        }
        if (refused.isPresent()) {
            return refused.get();
        }
        Outcome<List<BlockMover.Piece>> taken = selection.isPresent()
                ? selected(fromAccountId, batchId, selection.get(), move.units())
                : batchTake.take(fromAccountId, batchId, move.units(), Registry.MAX_BLOCKS_PER_OPERATION);
        if (taken.refused()) {
            return taken.cast();
        }
        List<JournalEntry.Movement> movements = mover.move(taken.value(), toAccountId, BlockStatus.ACTIVE);
        payload.with("from", fromAccountId).with("to", toAccountId).with("batch", batchId);
        JournalEntry entry = journal.append(
                journalStore.nextEntryId(),
                move.operation(),
                move.actor(),
                move.key(),
                move.print(),
                move.units(),
                payload,
                locked,
                movements);
        return Outcome.done(journal.receipt(entry, false));
    }

    /** The selected pieces in a locked account, which must all be of the batch the market records the move under. */
    private Outcome<List<BlockMover.Piece>> selected(
            long accountId, long batchId, CreditSelection selection, long units) {
        Outcome<List<BatchStore.BatchRow>> batches = selectedPieces.batches(selection);
        if (batches.refused()) {
            return batches.cast();
        }
        Outcome<List<BlockMover.Piece>> taken = selectedPieces.take(accountId, selection, batches.value(), units);
        if (taken.refused()) {
            return taken;
        }
        boolean oneBatch =
                taken.value().stream().allMatch(piece -> piece.block().batchId() == batchId);
        if (!oneBatch) {
            String field = selection instanceof CreditSelection.ByProjectVintage
                    ? "projectCode"
                    : selection instanceof CreditSelection.BySerialRange ? "serialRange" : "batch";
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of(field, "registry.selection.several-batches"));
        }
        return taken;
    }

    private Outcome<Receipt> applyRetirement(
            Actor actor,
            String key,
            String print,
            long units,
            long escrowAccountId,
            long batchId,
            RetirementDisclosure disclosure) {
        List<AccountRow> locked = accountStore.lockAccounts(List.of(escrowAccountId));
        Outcome<List<BlockMover.Piece>> taken =
                batchTake.take(escrowAccountId, batchId, units, Registry.MAX_BLOCKS_PER_OPERATION);
        if (taken.refused()) {
            return taken.cast();
        }
        // The same payload as every retirement; the movements name the batch, and the escrow account in "from"
        // shows that the market retired on the buyer's behalf.
        return Outcome.done(
                retirementMove.retire(actor, key, print, units, escrowAccountId, locked, taken.value(), disclosure));
    }

    /** The buyer's own holding account, opened (or approved) now if need be, as issuance does for holders. */
    private Outcome<Long> buyerAccount(long buyerUserId, Actor actor) {
        String ownerKey = "U:" + buyerUserId;
        Optional<AccountRow> existing = accountStore.accountByOwnerKey(ownerKey);
        if (existing.isPresent()) {
            AccountRow account = existing.get();
            if (account.status() == AccountStatus.CLOSED) {
                return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("buyer", "registry.market.buyer-closed"));
            }
            if (account.status() == AccountStatus.REQUESTED) {
                accountStore.decide(account.id(), AccountStatus.OPEN, actor.userId(), clock.instant());
            }
            return Outcome.done(account.id());
        }
        Optional<String> name = users.find(buyerUserId).map(UserSummary::fullName);
        if (name.isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("buyer", "registry.market.buyer-unknown"));
        }
        return Outcome.done(accountStore.insertAccount(
                AccountKind.HOLDING,
                AccountStatus.OPEN,
                ownerKey,
                buyerUserId,
                null,
                null,
                name.get(),
                actor.userId(),
                clock.instant()));
    }

    private Optional<Outcome<Receipt>> owned(Actor actor, long accountId) {
        return AccountRules.ownSource(actor, accountStore.account(accountId).orElse(null));
    }

    private Optional<Outcome<Receipt>> escrow(long escrowAccountId) {
        Optional<AccountRow> account = accountStore.account(escrowAccountId);
        if (account.isEmpty() || !AccountRules.escrowed(account.get())) {
            return Optional.of(Outcome.refused(
                    RefusalKind.NOT_FOUND, Refusal.of("escrowAccountId", "registry.market.escrow-not-found")));
        }
        return Optional.empty();
    }

    // ---- once per key

    /** An operation's work in its transaction, given the request's fingerprint (kept with the key). */
    private interface Work {
        Outcome<Receipt> apply(String fingerprint);
    }

    private MarketMove move(Operation operation, Actor actor, String key, long units, List<Object> fields, Work work) {
        Optional<Refusal> invalid = Registry.quantityRefusal(units);
        if (invalid.isPresent()) {
            return MarketMove.refused(List.of(invalid.get()));
        }
        List<Object> all = new ArrayList<>(fields);
        all.add(units);
        String print = Registry.fingerprint(operation, actor, all.toArray());
        return answer(registry.run(key, print, () -> work.apply(print), entry -> journal.receipt(entry, true)));
    }

    private static MarketMove answer(Outcome<Receipt> outcome) {
        if (outcome.refused()) {
            return MarketMove.refused(outcome.refusals());
        }
        Receipt receipt = outcome.value();
        Long to = receipt.lines().isEmpty() ? null : receipt.lines().get(0).toAccountId();
        return new MarketMove(
                receipt.entryId(),
                receipt.creditUnits(),
                receipt.serialRanges(),
                to,
                receipt.retirementId(),
                receipt.replayed(),
                List.of());
    }

    private static AccountRow find(List<AccountRow> accounts, long id) {
        return accounts.stream()
                .filter(account -> account.id() == id)
                .findFirst()
                .orElseThrow();
    }
}
