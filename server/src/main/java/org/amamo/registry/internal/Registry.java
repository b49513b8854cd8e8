package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.Sha256;
import org.amamo.registry.RetirementOrder;
import org.amamo.registry.SerialRange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's operations that move credits: transfer, retirement and cancellation (issuance is in
 * {@link Issuer}). Transfers and retirements are validated here and applied by {@link GroupCommit}, many to a
 * transaction, with the same rules and results as one by one ({@link OperationGroup}). Every other operation runs in
 * one transaction of its own that
 * <ol>
 * <li>locks the rows of the accounts whose blocks change, in ascending id order (the one order every operation
 * uses, so two operations never wait for each other in a cycle); every change to an account's blocks happens under
 * its row lock, so that lock also guards its blocks;</li>
 * <li>moves serial ranges with {@link BlockMover};</li>
 * <li>appends a journal entry chained to those accounts' previous entries ({@link Journal}).</li>
 * </ol>
 * A refused operation changes nothing. With an idempotency key, an operation applies once: a retry returns the
 * first receipt (or the first refusal, see {@link #run}), and a concurrent duplicate waits on the key's unique
 * index, fails, and then returns it too.
 */
@Service
public class Registry {

    /** The most units one operation may move (100 million t-CO2). */
    static final long MAX_OPERATION_UNITS = 1_000_000_000L;
    /** The most blocks one operation may split; merging keeps accounts far below this. */
    static final int MAX_BLOCKS_PER_OPERATION = 1_000;
    /**
     * The most blocks a selected serial range may overlap, of any account. An account's active blocks merge, so a
     * range it holds is one block; the limit bounds the read of a range over a fragmented batch, which is refused
     * with a request for a smaller range.
     */
    static final int MAX_RANGE_PIECES = 100;

    static final int MAX_KEY_LENGTH = 100;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_NOTE_LENGTH = 1_000;
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;

    private final AccountStore accountStore;

    private final BlockStore blockStore;

    private final BatchStore batchStore;

    private final JournalStore journalStore;

    private final RequestKeyStore keyStore;
    private final BlockMover mover;
    private final Journal journal;
    private final TransactionTemplate transactions;
    private final Replays replays;
    private final GroupCommit groupCommit;
    private final SelectedPieces selectedPieces;
    private final RetirementMove retirementMove;
    private final Clock clock;

    Registry(
            AccountStore accountStore,
            BlockStore blockStore,
            BatchStore batchStore,
            JournalStore journalStore,
            RequestKeyStore keyStore,
            BlockMover mover,
            Journal journal,
            PlatformTransactionManager transactionManager,
            Replays replays,
            GroupCommit groupCommit,
            SelectedPieces selectedPieces,
            RetirementMove retirementMove,
            Clock clock) {
        this.accountStore = accountStore;
        this.blockStore = blockStore;
        this.batchStore = batchStore;
        this.journalStore = journalStore;
        this.keyStore = keyStore;
        this.mover = mover;
        this.journal = journal;
        this.transactions = new TransactionTemplate(transactionManager);
        this.replays = replays;
        this.groupCommit = groupCommit;
        this.selectedPieces = selectedPieces;
        this.retirementMove = retirementMove;
        this.clock = clock;
    }

    /**
     * A transfer (譲渡) of {@code creditUnits} from one holding account to another: the credits the holder selects,
     * or without a selection, the largest blocks first.
     */
    public record Transfer(long fromAccountId, long toAccountId, long creditUnits, Selection selection) {

        public Transfer {
            selection = selection == null ? Selection.NONE : selection;
        }

        public Transfer(long fromAccountId, long toAccountId, long creditUnits) {
            this(fromAccountId, toAccountId, creditUnits, Selection.NONE);
        }
    }

    /**
     * A retirement (無効化) of {@code creditUnits} from a holding account, with its public disclosure: the credits the
     * holder selects, or without a selection, the largest blocks first.
     */
    public record Retirement(
            long fromAccountId, long creditUnits, RetirementDisclosure disclosure, Selection selection) {

        public Retirement {
            selection = selection == null ? Selection.NONE : selection;
        }

        public Retirement(long fromAccountId, long creditUnits, RetirementDisclosure disclosure) {
            this(fromAccountId, creditUnits, disclosure, Selection.NONE);
        }
    }

    /**
     * The credits a holder names, as the request gave them (each may be null): at most one of a batch serial
     * ({@code JBC-2025-0003-01}), a serial range within one batch whose count is the operation's units, or a project
     * code with a vintage (both).
     */
    public record Selection(String batch, String serialRange, String projectCode, Integer vintage) {

        /** No selection: the registry draws the largest blocks first. */
        public static final Selection NONE = new Selection(null, null, null, null);

        public static Selection ofBatch(String batch) {
            return new Selection(batch, null, null, null);
        }

        public static Selection ofSerialRange(String serialRange) {
            return new Selection(null, serialRange, null, null);
        }

        public static Selection ofProject(String projectCode, Integer vintage) {
            return new Selection(null, null, projectCode, vintage);
        }
    }

    /** A cancellation (取消) of a serial range by the secretariat, with the reason. */
    public record Cancellation(String serialRange, String reason) {}

    public Outcome<Receipt> transfer(Actor actor, Transfer transfer, String key) {
        Optional<Refusal> invalid = quantityRefusal(transfer.creditUnits());
        if (invalid.isEmpty() && transfer.fromAccountId() == transfer.toAccountId()) {
            invalid = Optional.of(Refusal.of("toAccountId", "registry.transfer.same-account"));
        }
        if (invalid.isPresent()) {
            return Outcome.refused(RefusalKind.INVALID, invalid.get());
        }
        Outcome<Optional<CreditSelection>> selection =
                CreditSelection.parse(transfer.selection(), transfer.creditUnits());
        if (selection.refused()) {
            return selection.cast();
        }
        if (selection.value().isPresent()) {
            CreditSelection selected = selection.value().get();
            String fingerprint = fingerprint(
                    Operation.TRANSFER,
                    actor,
                    transfer.fromAccountId(),
                    transfer.toAccountId(),
                    transfer.creditUnits(),
                    selected.text());
            SelectedMove move = new SelectedMove(
                    Operation.TRANSFER,
                    actor,
                    transfer.fromAccountId(),
                    transfer.toAccountId(),
                    transfer.creditUnits(),
                    null,
                    selected);
            return run(key, fingerprint, () -> applySelected(move, key, fingerprint));
        }
        String fingerprint = fingerprint(
                Operation.TRANSFER, actor, transfer.fromAccountId(), transfer.toAccountId(), transfer.creditUnits());
        return applyInGroup(OperationGroup.Request.transfer(actor, transfer, key, fingerprint));
    }

    public Outcome<Receipt> retire(Actor actor, Retirement retirement, String key) {
        List<Refusal> invalid = new ArrayList<>();
        quantityRefusal(retirement.creditUnits()).ifPresent(invalid::add);
        invalid.addAll(disclosureRefusals(retirement.disclosure()));
        invalid.addAll(OffsetDisclosure.refusals(retirement.disclosure(), retirement.creditUnits()));
        if (!invalid.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, invalid);
        }
        Outcome<Optional<CreditSelection>> selection =
                CreditSelection.parse(retirement.selection(), retirement.creditUnits());
        if (selection.refused()) {
            return selection.cast();
        }
        RetirementDisclosure disclosure = retirement.disclosure();
        List<Object> fields = new ArrayList<>(List.of(retirement.fromAccountId(), retirement.creditUnits()));
        fields.addAll(Arrays.asList(
                disclosure.beneficiary(),
                disclosure.purpose(),
                disclosure.emissionsOffset(),
                disclosure.reportingYear(),
                disclosure.note()));
        if (disclosure.extended()) {
            // Only a request that states the added disclosure has them in its fingerprint, so that the keys of
            // earlier requests keep the fingerprints they always had.
            fields.addAll(Arrays.asList(
                    canonical(disclosure.offsetTonnesCo2()),
                    disclosure.offsetCoverage(),
                    disclosure.beneficiarySector(),
                    disclosure.selectionReason()));
        }
        if (selection.value().isPresent()) {
            // Only a selected request's fingerprint names its selection, so that the keys of unselected requests
            // keep the fingerprints they always had.
            CreditSelection selected = selection.value().get();
            fields.add(selected.text());
            String fingerprint = fingerprint(Operation.RETIRE, actor, fields.toArray());
            SelectedMove move = new SelectedMove(
                    Operation.RETIRE,
                    actor,
                    retirement.fromAccountId(),
                    null,
                    retirement.creditUnits(),
                    disclosure,
                    selected);
            return run(key, fingerprint, () -> applySelected(move, key, fingerprint));
        }
        String fingerprint = fingerprint(Operation.RETIRE, actor, fields.toArray());
        return applyInGroup(OperationGroup.Request.retirement(actor, retirement, key, fingerprint));
    }

    public Outcome<Receipt> cancel(Actor actor, Cancellation cancellation, String key) {
        if (!actor.secretariat()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "registry.secretariat-only"));
        }
        Optional<SerialRange> range = SerialRange.parse(cancellation.serialRange());
        List<Refusal> invalid = new ArrayList<>();
        if (range.isEmpty()) {
            invalid.add(Refusal.of("serialRange", "registry.serial.invalid"));
        }
        text(cancellation.reason(), "reason", MAX_REASON_LENGTH, true).ifPresent(invalid::add);
        if (!invalid.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, invalid);
        }
        String fingerprint = fingerprint(Operation.CANCEL, actor, range.get().format(), cancellation.reason());
        return run(
                key, fingerprint, () -> applyCancellation(actor, range.get(), cancellation.reason(), key, fingerprint));
    }

    /** Applies a validated transfer or retirement with those waiting beside it, once per idempotency key. */
    private Outcome<Receipt> applyInGroup(OperationGroup.Request request) {
        Optional<Refusal> badKey = keyRefusal(request.key());
        if (badKey.isPresent()) {
            return Outcome.refused(RefusalKind.INVALID, badKey.get());
        }
        return groupCommit.apply(request);
    }

    // ---- the transactional parts

    /**
     * A retirement entry's payload: the source account and the public disclosure. The journal's hash covers it, and
     * the verifier rebuilds it from the retirement record, so that an altered disclosure breaks the journal.
     */
    static Payload retirementPayload(long fromAccountId, RetirementDisclosure disclosure) {
        return new Payload()
                .with("from", fromAccountId)
                .with("beneficiary", disclosure.beneficiary())
                .with("purpose", disclosure.purpose())
                .with("emissionsOffset", disclosure.emissionsOffset())
                .with("reportingYear", disclosure.reportingYear())
                .with("note", disclosure.note())
                // Set only by retirements that state them, so the payloads of earlier entries stay as they were.
                .with("offsetTonnes", canonical(disclosure.offsetTonnesCo2()))
                .with("offsetCoverage", disclosure.offsetCoverage())
                .with("beneficiarySector", disclosure.beneficiarySector())
                .with("selectionReason", disclosure.selectionReason());
    }

    /** The tonnes as the payload writes them whatever their scale (the record stores three decimals). */
    private static String canonical(BigDecimal tonnes) {
        return tonnes == null ? null : tonnes.stripTrailingZeros().toPlainString();
    }

    /** A validated transfer (with {@code toAccountId}) or retirement (with {@code disclosure}) of selected credits. */
    private record SelectedMove(
            Operation operation,
            Actor actor,
            long fromAccountId,
            Long toAccountId,
            long creditUnits,
            RetirementDisclosure disclosure,
            CreditSelection selection) {}

    /**
     * Transfers or retires the credits the holder selected, one operation in its own transaction: the same account
     * rules and the same journal payload as the grouped operation ({@link OperationGroup}), but the serials are the
     * selection's (the lowest of the named batches, or exactly the named range) rather than the largest blocks.
     */
    private Outcome<Receipt> applySelected(SelectedMove move, String key, String fingerprint) {
        Outcome<List<BatchStore.BatchRow>> batches = selectedPieces.batches(move.selection());
        if (batches.refused()) {
            return batches.cast();
        }
        OperationGroup.Request request = new OperationGroup.Request(
                move.operation(),
                move.actor(),
                move.fromAccountId(),
                move.toAccountId(),
                move.creditUnits(),
                move.disclosure(),
                key,
                fingerprint);
        List<AccountRow> locked =
                accountStore.lockAccounts(request.lockedAccounts().collect(Collectors.toCollection(TreeSet::new)));
        Optional<Outcome<Receipt>> refused = OperationGroup.accountRefusal(
                request, locked.stream().collect(Collectors.toMap(AccountRow::id, account -> account)));
        if (refused.isPresent()) {
            return refused.get();
        }
        Outcome<List<BlockMover.Piece>> taken =
                selectedPieces.take(move.fromAccountId(), move.selection(), batches.value(), move.creditUnits());
        if (taken.refused()) {
            return taken.cast();
        }
        if (move.operation() == Operation.RETIRE) {
            return Outcome.done(retirementMove.retire(
                    move.actor(),
                    key,
                    fingerprint,
                    move.creditUnits(),
                    move.fromAccountId(),
                    locked,
                    taken.value(),
                    move.disclosure()));
        }
        List<JournalEntry.Movement> movements = mover.move(taken.value(), move.toAccountId(), BlockStatus.ACTIVE);
        // The payload of every transfer, so that a selected transfer's entry reads like any other.
        Payload payload = new Payload().with("from", move.fromAccountId()).with("to", move.toAccountId());
        JournalEntry entry = journal.append(
                journalStore.nextEntryId(),
                Operation.TRANSFER,
                move.actor(),
                key,
                fingerprint,
                move.creditUnits(),
                payload,
                locked,
                movements);
        return Outcome.done(journal.receipt(entry, false));
    }

    private Outcome<Receipt> applyCancellation(
            Actor actor, SerialRange range, String reason, String key, String fingerprint) {
        Optional<BatchStore.BatchRow> batch =
                batchStore.batch(range.programmePrefix(), range.projectCode(), range.vintage(), range.batchNumber());
        if (batch.isEmpty() || range.lastSerial() > batch.get().issuedUnits()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("serialRange", "registry.serial.not-found"));
        }
        long batchId = batch.get().id();
        Set<Long> holders = blockStore.overlapping(batchId, range.firstSerial(), range.lastSerial(), false).stream()
                .map(LedgerInvariants.Block::accountId)
                .collect(Collectors.toCollection(TreeSet::new));
        List<AccountRow> locked = accountStore.lockAccounts(holders);
        List<LedgerInvariants.Block> blocks =
                blockStore.overlapping(batchId, range.firstSerial(), range.lastSerial(), true);
        if (blocks.stream().anyMatch(block -> block.status() != BlockStatus.ACTIVE)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("serialRange", "registry.cancel.not-active"));
        }
        if (locked.stream().anyMatch(AccountRules::escrowed)) {
            // Escrowed units belong to a running market round; only its settlement may move them.
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("serialRange", "registry.cancel.escrowed"));
        }
        if (!holders.containsAll(
                blocks.stream().map(LedgerInvariants.Block::accountId).toList())) {
            // The units moved between our first look and the locks: let the retry loop look again.
            throw new Retries.Again();
        }
        long cancellationAccount = accountStore
                .accountByOwnerKey(AccountStore.CANCELLATION_KEY)
                .orElseThrow()
                .id();
        List<JournalEntry.Movement> movements = mover.move(
                blocks.stream()
                        .map(block -> new BlockMover.Piece(
                                block,
                                Math.max(block.firstSerial(), range.firstSerial()),
                                Math.min(block.lastSerial(), range.lastSerial())))
                        .toList(),
                cancellationAccount,
                BlockStatus.CANCELLED);
        Payload payload = new Payload().with("serialRange", range.format()).with("reason", reason);
        JournalEntry entry = journal.append(
                journalStore.nextEntryId(),
                Operation.CANCEL,
                actor,
                key,
                fingerprint,
                range.creditUnits(),
                payload,
                locked,
                movements);
        return Outcome.done(journal.receipt(entry, false));
    }

    // ---- once, with retries

    /**
     * Runs an operation in a transaction, once per idempotency key. A refusal rolls back. Lock timeouts and
     * serialisation failures are retried ({@link Retries}), so that they never reach the user as an error.
     *
     * <p>With a key, the first answer is final: a retry gets the first receipt, or the first refusal if the ledger
     * refused it (unknown or foreign account, too few units, a closed account...), without evaluating it again; see
     * {@link #remembered}. The key is looked up inside the operation's transaction, so it costs one query and no
     * extra connection.
     */
    <T> Outcome<T> run(String key, String fingerprint, Supplier<Outcome<T>> work, Replayer<T> replayer) {
        Optional<Refusal> badKey = keyRefusal(key);
        if (badKey.isPresent()) {
            return Outcome.refused(RefusalKind.INVALID, badKey.get());
        }
        Answer<T> answer = Retries.inTransaction(
                transactions,
                status -> {
                    Optional<Outcome<T>> earlier = key == null ? Optional.empty() : replay(key, fingerprint, replayer);
                    Outcome<T> outcome = earlier.isPresent() ? earlier.get() : work.get();
                    if (outcome.refused()) {
                        status.setRollbackOnly();
                    }
                    return new Answer<>(outcome, earlier.isPresent());
                },
                duplicateKey -> key == null
                        ? null
                        : replay(key, fingerprint, replayer)
                                .map(earlier -> new Answer<>(earlier, true))
                                .orElse(null),
                () -> new Answer<>(Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "registry.busy")), false),
                "registry operation");
        if (key != null && !answer.replayed() && remembered(answer.outcome())) {
            return rememberRefusal(key, fingerprint, answer.outcome(), replayer);
        }
        return answer.outcome();
    }

    /** An operation's outcome, and whether it is the replay of an earlier answer to the same key. */
    private record Answer<T>(Outcome<T> outcome, boolean replayed) {}

    /**
     * Which refusals a key keeps: those the ledger decided (forbidden, not found, conflict). A request refused as
     * invalid was never weighed against the ledger and would be refused the same way again; a request given up as
     * busy was never decided, so its retry must be allowed to try again.
     */
    static boolean remembered(Outcome<?> outcome) {
        return outcome.refused()
                && outcome.kind() != RefusalKind.INVALID
                && outcome.refusals().stream()
                        .noneMatch(refusal -> refusal.messageKey().equals("registry.busy"));
    }

    /**
     * Records a refusal under its key, in a transaction of its own (the operation's rolled back). If the key
     * meanwhile stands for an entry (a concurrent duplicate that applied first and held the lock this request
     * waited for) or another refusal, that first answer is returned instead.
     */
    private <T> Outcome<T> rememberRefusal(String key, String fingerprint, Outcome<T> refusal, Replayer<T> replayer) {
        try {
            return transactions.execute(status -> {
                Optional<Outcome<T>> earlier = replay(key, fingerprint, replayer);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                keyStore.insertRefusal(key, fingerprint, refusal.kind(), refusal.refusals(), clock.instant());
                return refusal;
            });
        } catch (DuplicateKeyException e) {
            return replay(key, fingerprint, replayer).orElse(refusal);
        }
    }

    private Outcome<Receipt> run(String key, String fingerprint, Supplier<Outcome<Receipt>> work) {
        return run(key, fingerprint, work, (entry) -> journal.receipt(entry, true));
    }

    /** Turns an earlier journal entry into the answer a retry gets. */
    interface Replayer<T> {
        T replay(JournalEntry entry);
    }

    /** The first answer to a key: its entry's receipt or its recorded refusal; a different request is refused. */
    private <T> Optional<Outcome<T>> replay(String key, String fingerprint, Replayer<T> replayer) {
        return keyStore.keyUse(key).map(use -> replays.answer(use, key, fingerprint, replayer));
    }

    // ---- validation helpers

    static Optional<Refusal> quantityRefusal(long units) {
        if (units < 1) {
            return Optional.of(Refusal.of("creditUnits", "registry.units.positive"));
        }
        if (units > MAX_OPERATION_UNITS) {
            return Optional.of(Refusal.of("creditUnits", "registry.units.too-many", MAX_OPERATION_UNITS));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a retirement's disclosure, for a form that refuses for a reason of its own and shows every
     * problem at once (nothing is weighed against the ledger).
     */
    public static List<Refusal> retirementRefusals(RetirementDisclosure disclosure, long creditUnits) {
        List<Refusal> refusals = disclosureRefusals(disclosure);
        refusals.addAll(OffsetDisclosure.refusals(disclosure, creditUnits));
        return refusals;
    }

    static List<Refusal> disclosureRefusals(RetirementDisclosure disclosure) {
        List<Refusal> refusals = new ArrayList<>();
        text(disclosure.beneficiary(), "beneficiary", RetirementOrder.MAX_BENEFICIARY_LENGTH, true)
                .ifPresent(refusals::add);
        if (disclosure.purpose() == null) {
            refusals.add(Refusal.of("purpose", "registry.required"));
        }
        text(disclosure.emissionsOffset(), "emissionsOffset", RetirementOrder.MAX_EMISSIONS_OFFSET_LENGTH, true)
                .ifPresent(refusals::add);
        text(disclosure.note(), "note", MAX_NOTE_LENGTH, false).ifPresent(refusals::add);
        Integer year = disclosure.reportingYear();
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            refusals.add(Refusal.of("reportingYear", "registry.year.range", MIN_YEAR, MAX_YEAR));
        }
        return refusals;
    }

    static Optional<Refusal> text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(Refusal.of(field, "registry.required")) : Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of(Refusal.of(field, "registry.text.too-long", maxLength));
        }
        return Optional.empty();
    }

    static Optional<Refusal> keyRefusal(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            return Optional.of(Refusal.of("Idempotency-Key", "registry.idempotency.invalid", MAX_KEY_LENGTH));
        }
        return Optional.empty();
    }

    static String fingerprint(Operation operation, Actor actor, Object... fields) {
        StringBuilder text = new StringBuilder(operation.name()).append('|').append(actor.userId());
        for (Object field : fields) {
            text.append('|')
                    .append(
                            field == null
                                    ? ""
                                    : Payload.escape(field.toString()).replace("|", "\\|"));
        }
        return Sha256.hex(text.toString());
    }
}
