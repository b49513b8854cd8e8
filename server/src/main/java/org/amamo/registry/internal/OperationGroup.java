package org.amamo.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.CreditsRetired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a group of transfers and retirements, in their order, inside the caller's transaction, with a fixed
 * number of statements however many there are (group commit, see {@link GroupCommit}). The result is the one the
 * operations would have had one after the other, each in its own transaction ({@link Registry}'s rules): the same
 * refusals, serials, movements, blocks and journal entries. Only the number of round trips to the database differs:
 * <ol>
 * <li>what the idempotency keys already stand for, in one query;</li>
 * <li>the row locks of every account concerned, in ascending id order, in one statement;</li>
 * <li>each source account's balance and first blocks in draw order ({@link DrawRank}), enough for all the group
 * takes from it, in one query;</li>
 * <li>the entry ids, drawn after the locks, in one query; then every operation is applied in memory
 * ({@link WorkingBlocks}) and its entry sealed against the chain heads as the operations before it left them;</li>
 * <li>the destination blocks next to arriving units, in one query;</li>
 * <li>the writes: blocks deleted, resized and inserted, entries, movements, chain heads, retirement records and kept
 * refusals, one statement batch or multi-row statement each.</li>
 * </ol>
 * A request whose serials memory cannot tell ({@link WorkingBlocks.Draw.Kind#UNSEEN}: its source received units
 * earlier in the group, or drew on it before so that blocks not loaded may now rank first) gets no answer (null)
 * and takes nothing: it belongs in a later group. The first request of a group always gets its answer.
 */
@Component
class OperationGroup {

    /** How many of a source's first blocks in draw order the first read takes for each of its requests. */
    static final int FIRST_READ_BLOCKS = 4;
    /** How many times more blocks each further read takes, for the sources the blocks read so far do not cover. */
    static final int READ_MORE_FACTOR = 8;

    private final AccountStore accountStore;

    private final BlockStore blockStore;

    private final BatchStore batchStore;

    private final JournalStore journalStore;

    private final RequestKeyStore keyStore;

    private final RetirementStore retirementStore;
    private final Journal journal;
    private final Replays replays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OperationGroup(
            AccountStore accountStore,
            BlockStore blockStore,
            BatchStore batchStore,
            JournalStore journalStore,
            RequestKeyStore keyStore,
            RetirementStore retirementStore,
            Journal journal,
            Replays replays,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accountStore = accountStore;
        this.blockStore = blockStore;
        this.batchStore = batchStore;
        this.journalStore = journalStore;
        this.keyStore = keyStore;
        this.retirementStore = retirementStore;
        this.journal = journal;
        this.replays = replays;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A transfer (with {@code toAccountId}) or a retirement (with {@code disclosure}), already validated, with its
     * idempotency key (or null) and request fingerprint.
     */
    record Request(
            Operation operation,
            Actor actor,
            long fromAccountId,
            Long toAccountId,
            long creditUnits,
            RetirementDisclosure disclosure,
            String key,
            String fingerprint) {

        Request {
            if (operation == Operation.TRANSFER
                    ? toAccountId == null || disclosure != null
                    : operation != Operation.RETIRE || toAccountId != null || disclosure == null) {
                throw new IllegalArgumentException("a group holds transfers and retirements: " + operation);
            }
        }

        static Request transfer(Actor actor, Registry.Transfer transfer, String key, String fingerprint) {
            return new Request(
                    Operation.TRANSFER,
                    actor,
                    transfer.fromAccountId(),
                    transfer.toAccountId(),
                    transfer.creditUnits(),
                    null,
                    key,
                    fingerprint);
        }

        static Request retirement(Actor actor, Registry.Retirement retirement, String key, String fingerprint) {
            return new Request(
                    Operation.RETIRE,
                    actor,
                    retirement.fromAccountId(),
                    null,
                    retirement.creditUnits(),
                    retirement.disclosure(),
                    key,
                    fingerprint);
        }

        /** The accounts whose rows the request locks: the source, and for a transfer the destination. */
        Stream<Long> lockedAccounts() {
            return toAccountId == null ? Stream.of(fromAccountId) : Stream.of(fromAccountId, toAccountId);
        }
    }

    /** What the group decided so far, request by request (same index). */
    private static final class Answers {
        final List<Outcome<Receipt>> outcomes;
        final Map<Integer, JournalEntry> entries = new HashMap<>();

        Answers(int size) {
            outcomes = new ArrayList<>(Collections.nCopies(size, null));
        }
    }

    /**
     * Applies the requests in order; the caller's transaction must be active and is rolled back by the caller if
     * this throws. Returns one outcome per request, in the same order; null for a request to apply in a later group
     * (never the first).
     */
    List<Outcome<Receipt>> apply(List<Request> requests) {
        Answers answers = new Answers(requests.size());
        Map<Integer, Integer> duplicates = new HashMap<>();
        List<Integer> live = firstUses(requests, answers, duplicates);
        Set<Long> accounts = live.stream()
                .flatMap(i -> requests.get(i).lockedAccounts())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<Long, AccountRow> locked = accounts.isEmpty()
                ? Map.of()
                : accountStore.lockAccounts(accounts).stream()
                        .collect(Collectors.toMap(AccountRow::id, Function.identity()));
        List<Integer> candidates = new ArrayList<>();
        for (int i : live) {
            Optional<Outcome<Receipt>> refused = accountRefusal(requests.get(i), locked);
            if (refused.isPresent()) {
                answers.outcomes.set(i, refused.get());
            } else {
                candidates.add(i);
            }
        }
        WorkingBlocks blocks = new WorkingBlocks();
        load(blocks, candidates.stream().map(requests::get).toList());
        Iterator<Long> entryIds = journalStore.nextEntryIds(candidates.size()).iterator();
        Map<Long, JournalEntry> heads = new HashMap<>();
        List<BlockStore.NewBlock> retired = new ArrayList<>();
        Map<Integer, Long> retirementAccounts = new HashMap<>();
        for (int i : candidates) {
            Request request = requests.get(i);
            Outcome<List<WorkingBlocks.Piece>> taken = take(blocks, request, i == candidates.get(0));
            if (taken == null || taken.refused()) {
                answers.outcomes.set(i, taken == null ? null : taken.cast());
                continue;
            }
            List<JournalEntry.Movement> movements = new ArrayList<>();
            for (WorkingBlocks.Piece piece : taken.value()) {
                long to;
                if (request.operation() == Operation.TRANSFER) {
                    to = request.toAccountId();
                    blocks.add(to, piece);
                } else {
                    to = retirementAccounts.computeIfAbsent(
                            batchStore.batch(piece.batchId()).orElseThrow().vintage(),
                            vintage -> accountStore
                                    .accountByOwnerKey(Issuer.retirementKey(vintage))
                                    .orElseThrow()
                                    .id());
                    retired.add(new BlockStore.NewBlock(
                            piece.batchId(), piece.firstSerial(), piece.lastSerial(), to, BlockStatus.RETIRED));
                }
                movements.add(new JournalEntry.Movement(
                        piece.batchId(), piece.firstSerial(), piece.lastSerial(), request.fromAccountId(), to));
            }
            List<JournalEntry.ChainLink> links = request.lockedAccounts()
                    .sorted()
                    .distinct()
                    .map(account -> link(account, heads, locked))
                    .toList();
            JournalEntry entry = journal.seal(
                    entryIds.next(),
                    request.operation(),
                    request.actor(),
                    request.key(),
                    request.fingerprint(),
                    request.creditUnits(),
                    payload(request),
                    links,
                    movements);
            request.lockedAccounts().forEach(account -> heads.put(account, entry));
            answers.entries.put(i, entry);
        }
        List<WorkingBlocks.Probe> probes = blocks.probes();
        blocks.coalesce(probes.isEmpty() ? List.of() : blockStore.activeTouching(probes));
        write(requests, live, answers, blocks.changes(), retired, heads);
        duplicates.forEach((i, first) -> answers.outcomes.set(
                i, duplicateAnswer(requests.get(i), requests.get(first), answers.outcomes.get(first))));
        return answers.outcomes;
    }

    /**
     * The requests to apply: those whose key is new. A key already used answers with its first answer; a key used
     * again within the group is noted in {@code duplicates} (index to the first request with that key).
     */
    private List<Integer> firstUses(List<Request> requests, Answers answers, Map<Integer, Integer> duplicates) {
        Map<String, RequestKeyStore.KeyUse> uses = keyStore.keyUses(
                requests.stream().map(Request::key).filter(key -> key != null).collect(Collectors.toSet()));
        Map<String, Integer> firstByKey = new HashMap<>();
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            if (request.key() != null) {
                RequestKeyStore.KeyUse use = uses.get(request.key());
                if (use != null) {
                    answers.outcomes.set(
                            i,
                            replays.answer(
                                    use, request.key(), request.fingerprint(), entry -> journal.receipt(entry, true)));
                    continue;
                }
                Integer first = firstByKey.putIfAbsent(request.key(), i);
                if (first != null) {
                    duplicates.put(i, first);
                    continue;
                }
            }
            live.add(i);
        }
        return live;
    }

    /** Refuses an unknown, foreign or closed source, or an unknown or closed destination (as {@link Registry}). */
    static Optional<Outcome<Receipt>> accountRefusal(Request request, Map<Long, AccountRow> locked) {
        AccountRow from = locked.get(request.fromAccountId());
        Optional<Outcome<Receipt>> refused = AccountRules.ownSource(request.actor(), from);
        if (refused.isPresent() || request.toAccountId() == null) {
            return refused.isPresent() ? refused : AccountRules.openHolding(from, "fromAccountId");
        }
        AccountRow to = locked.get(request.toAccountId());
        refused = AccountRules.exists(to, "toAccountId");
        if (refused.isEmpty()) {
            refused = AccountRules.openHolding(from, "fromAccountId");
        }
        return refused.isPresent() ? refused : AccountRules.openHolding(to, "toAccountId");
    }

    /**
     * Loads each source's first blocks in draw order, enough for the sum of what the requests take from it (but no
     * more than {@link Registry#MAX_BLOCKS_PER_OPERATION} blocks per request), its balance, and where blocks were left
     * unread, its boundary ({@link WorkingBlocks#boundary}).
     *
     * <p>A first query reads only a few of each source's blocks ({@link #FIRST_READ_BLOCKS} per request). Usually
     * they hold all the group takes from it; then its balance matters only as a number at least that large, and what
     * they hold stands for it (the group cannot refuse that source for lack of units, just as with its full balance).
     * The sources they do not cover are read again, {@link #READ_MORE_FACTOR} times as many blocks each time, and
     * where that would reach the limit, up to the limit, with their exact balances.
     */
    private void load(WorkingBlocks blocks, List<Request> requests) {
        Map<Long, Long> units = new HashMap<>();
        Map<Long, Integer> limits = new HashMap<>();
        Map<Long, Integer> firstRead = new HashMap<>();
        for (Request request : requests) {
            units.merge(request.fromAccountId(), request.creditUnits(), Long::sum);
            limits.merge(request.fromAccountId(), Registry.MAX_BLOCKS_PER_OPERATION, Integer::sum);
            firstRead.merge(request.fromAccountId(), FIRST_READ_BLOCKS, Integer::sum);
        }
        Map<Long, Integer> reading = firstRead;
        Map<Long, Long> unread = new HashMap<>();
        while (!reading.isEmpty()) {
            Map<Long, List<LedgerInvariants.Block>> read = blockStore.activeInDrawOrder(reading).stream()
                    .collect(Collectors.groupingBy(LedgerInvariants.Block::accountId));
            Map<Long, Integer> readMore = new HashMap<>();
            reading.forEach((account, asked) -> {
                List<LedgerInvariants.Block> first = read.getOrDefault(account, List.of());
                long held =
                        first.stream().mapToLong(LedgerInvariants.Block::units).sum();
                if (first.size() < asked || held >= units.get(account)) {
                    first.forEach(blocks::load);
                    blocks.balance(account, held);
                    if (first.size() == asked) {
                        blocks.boundary(account, DrawRank.of(first.get(first.size() - 1)));
                    }
                } else if (asked * READ_MORE_FACTOR < limits.get(account)) {
                    readMore.put(account, asked * READ_MORE_FACTOR);
                } else {
                    unread.put(account, units.get(account));
                }
            });
            reading = readMore;
        }
        if (unread.isEmpty()) {
            return;
        }
        Map<Long, Integer> unreadLimits =
                unread.keySet().stream().collect(Collectors.toMap(account -> account, limits::get));
        BlockStore.Holdings holdings = blockStore.holdingsInDrawOrder(unread, unreadLimits);
        holdings.blocks().forEach(blocks::load);
        holdings.balances().forEach(blocks::balance);
        Map<Long, LedgerInvariants.Block> last = new HashMap<>();
        Map<Long, Long> loadedUnits = new HashMap<>();
        for (LedgerInvariants.Block block : holdings.blocks()) {
            last.put(block.accountId(), block);
            loadedUnits.merge(block.accountId(), block.units(), Long::sum);
        }
        last.forEach((account, block) -> {
            if (loadedUnits.get(account) < blocks.balance(account)) {
                blocks.boundary(account, DrawRank.of(block));
            }
        });
    }

    /**
     * The serials the request takes from its source, or why not (as {@link Registry}); null if memory cannot tell
     * and the request belongs in a later group, which cannot be for the group's {@code first} request.
     */
    private static Outcome<List<WorkingBlocks.Piece>> take(WorkingBlocks blocks, Request request, boolean first) {
        long balance = blocks.balance(request.fromAccountId());
        if (balance < request.creditUnits()) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of("creditUnits", "registry.balance.insufficient", request.creditUnits(), balance));
        }
        WorkingBlocks.Draw draw =
                blocks.take(request.fromAccountId(), request.creditUnits(), Registry.MAX_BLOCKS_PER_OPERATION);
        if (draw.kind() == WorkingBlocks.Draw.Kind.UNSEEN) {
            if (first) {
                throw new IllegalStateException("the first request of a group found its serials unseen: " + request);
            }
            return null;
        }
        if (draw.kind() == WorkingBlocks.Draw.Kind.TOO_MANY) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of("creditUnits", "registry.blocks.too-many", Registry.MAX_BLOCKS_PER_OPERATION));
        }
        return Outcome.done(draw.pieces());
    }

    /** An account's chain head as the group's entries so far left it. */
    private static JournalEntry.ChainLink link(
            long account, Map<Long, JournalEntry> heads, Map<Long, AccountRow> locked) {
        JournalEntry head = heads.get(account);
        return head != null
                ? new JournalEntry.ChainLink(account, head.id(), head.hash())
                : new JournalEntry.ChainLink(
                        account,
                        locked.get(account).headEntryId(),
                        locked.get(account).headHash());
    }

    private static Payload payload(Request request) {
        return request.operation() == Operation.TRANSFER
                ? new Payload().with("from", request.fromAccountId()).with("to", request.toAccountId())
                : Registry.retirementPayload(request.fromAccountId(), request.disclosure());
    }

    /** Writes what the group did and turns its entries into receipts; keeps its keyed refusals. */
    private void write(
            List<Request> requests,
            List<Integer> live,
            Answers answers,
            WorkingBlocks.Changes changes,
            List<BlockStore.NewBlock> retired,
            Map<Long, JournalEntry> heads) {
        blockStore.deleteBlocks(changes.deleted());
        blockStore.resizeBlocks(changes.resized());
        blockStore.insertBlocks(
                Stream.concat(changes.inserted().stream(), retired.stream()).toList());
        List<JournalEntry> entries = answers.entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        journalStore.insertEntries(entries);
        accountStore.moveHeads(heads);
        List<RetirementStore.NewRetirement> retirements = new ArrayList<>();
        answers.entries.forEach((i, entry) -> {
            Request request = requests.get(i);
            if (request.operation() == Operation.RETIRE) {
                retirements.add(RetirementStore.NewRetirement.of(
                        entry, request.fromAccountId(), request.disclosure(), request.creditUnits()));
            }
        });
        Map<Long, Long> retirementIds = retirementStore.insertRetirements(retirements);
        retirements.forEach(retirement ->
                events.publishEvent(new CreditsRetired(retirementIds.get(retirement.entryId()), retirement.units())));
        answers.entries.forEach((i, entry) ->
                answers.outcomes.set(i, Outcome.done(journal.receipt(entry, false, retirementIds.get(entry.id())))));
        List<RequestKeyStore.NewRefusal> kept = new ArrayList<>();
        for (int i : live) {
            Outcome<Receipt> outcome = answers.outcomes.get(i);
            Request request = requests.get(i);
            if (request.key() != null && outcome != null && Registry.remembered(outcome)) {
                kept.add(new RequestKeyStore.NewRefusal(
                        request.key(), request.fingerprint(), outcome.kind(), outcome.refusals()));
            }
        }
        keyStore.insertRefusals(kept, clock.instant());
    }

    /** A request repeating an earlier one's key in the same group gets that one's answer, as a replay. */
    private Outcome<Receipt> duplicateAnswer(Request request, Request first, Outcome<Receipt> firstOutcome) {
        if (!request.fingerprint().equals(first.fingerprint())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("Idempotency-Key", "registry.idempotency.reused"));
        }
        if (firstOutcome == null || firstOutcome.refused()) {
            return firstOutcome;
        }
        Receipt receipt = firstOutcome.value();
        return Outcome.done(new Receipt(
                receipt.entryId(),
                receipt.operation(),
                receipt.creditUnits(),
                receipt.lines(),
                receipt.batchId(),
                receipt.retirementId(),
                receipt.recordedAt(),
                true));
    }
}
