package org.amamo.registry.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amamo.registry.SerialRange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Appends entries to the hash-chained journal, reads receipts back, and verifies the chains. */
@Component
public class Journal {

    /** Entries read per query while verifying. */
    static final int VERIFY_PAGE = 1_000;

    private final AccountStore accountStore;
    private final BatchStore batchStore;

    private final JournalStore journalStore;

    private final RetirementStore retirementStore;
    private final ReversalStore reversalStore;
    private final Clock clock;

    Journal(
            AccountStore accountStore,
            BatchStore batchStore,
            JournalStore journalStore,
            RetirementStore retirementStore,
            ReversalStore reversalStore,
            Clock clock) {
        this.accountStore = accountStore;
        this.batchStore = batchStore;
        this.journalStore = journalStore;
        this.retirementStore = retirementStore;
        this.reversalStore = reversalStore;
        this.clock = clock;
    }

    /** The result of a verification: intact, or the first broken entry (or account head) and what is wrong. */
    public record Verification(boolean intact, long entriesChecked, Long brokenEntryId, String problem) {}

    /**
     * Appends one entry. {@code chained} are the accounts the operation locked: the entry links to each one's
     * chain head and becomes its new head. {@code entryId} must have been drawn after those locks were taken.
     */
    JournalEntry append(
            long entryId,
            Operation operation,
            Actor actor,
            String key,
            String fingerprint,
            long units,
            Payload payload,
            List<AccountRow> chained,
            List<JournalEntry.Movement> movements) {
        Map<Long, AccountRow> byId = new LinkedHashMap<>();
        chained.stream().sorted(Comparator.comparingLong(AccountRow::id)).forEach(a -> byId.putIfAbsent(a.id(), a));
        List<JournalEntry.ChainLink> links = byId.values().stream()
                .map(a -> new JournalEntry.ChainLink(a.id(), a.headEntryId(), a.headHash()))
                .toList();
        JournalEntry entry = seal(entryId, operation, actor, key, fingerprint, units, payload, links, movements);
        journalStore.insertEntry(entry);
        accountStore.moveHeads(byId.keySet(), entryId, entry.hash());
        return entry;
    }

    /**
     * A new entry, sealed (its hash computed) but not stored: it links to the given chain heads, which must be the
     * current heads of the accounts it chains, one per account in ascending account order.
     */
    JournalEntry seal(
            long entryId,
            Operation operation,
            Actor actor,
            String key,
            String fingerprint,
            long units,
            Payload payload,
            List<JournalEntry.ChainLink> links,
            List<JournalEntry.Movement> movements) {
        // PostgreSQL keeps microseconds; the hash must cover the instant exactly as it is stored.
        return new JournalEntry(
                        entryId,
                        operation,
                        actor.userId(),
                        key,
                        fingerprint,
                        units,
                        payload.text(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        links,
                        movements,
                        null)
                .sealed();
    }

    /** The receipt of a recorded entry, its serial ranges written out. */
    Receipt receipt(JournalEntry entry, boolean replayed) {
        return receipt(
                entry,
                replayed,
                entry.operation() == Operation.RETIRE
                        ? retirementStore.retirementOfEntry(entry.id()).orElse(null)
                        : null);
    }

    /** The receipt of an entry whose retirement record (for a retirement) the caller knows. */
    Receipt receipt(JournalEntry entry, boolean replayed, Long retirementId) {
        List<JournalEntry.Movement> shown = entry.movements().stream()
                .filter(movement -> entry.operation() != Operation.ISSUE || movement.fromAccountId() != null)
                .toList();
        Map<Long, BatchStore.BatchRow> batches =
                batchStore
                        .batches(shown.stream()
                                .map(JournalEntry.Movement::batchId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(BatchStore.BatchRow::id, Function.identity()));
        List<Receipt.Line> lines = shown.stream()
                .map(movement -> new Receipt.Line(
                        movement.fromAccountId(),
                        movement.toAccountId(),
                        serialRange(batches.get(movement.batchId()), movement.firstSerial(), movement.lastSerial())
                                .format(),
                        movement.units()))
                .toList();
        Long batchId = entry.operation() == Operation.ISSUE && !shown.isEmpty()
                ? shown.get(0).batchId()
                : null;
        return new Receipt(
                entry.id(),
                entry.operation(),
                entry.creditUnits(),
                lines,
                batchId,
                retirementId,
                entry.recordedAt(),
                replayed);
    }

    public static SerialRange serialRange(BatchStore.BatchRow batch, long first, long last) {
        return new SerialRange(
                batch.programmePrefix(), batch.vintage(), batch.projectCode(), batch.batchNumber(), first, last);
    }

    /**
     * Walks every entry in id order (and each retirement's and reversal's public record beside its entry), in one snapshot (so entries committing meanwhile cannot look like a broken
     * link), and reports the first entry whose hash or link does not hold, else the first account whose stored chain
     * head is not its last entry.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        JournalVerifier verifier = new JournalVerifier();
        long after = 0;
        List<JournalEntry> page;
        do {
            page = journalStore.entriesAfter(after, VERIFY_PAGE);
            Map<Long, RetirementStore.RetirementRow> retirements = page.isEmpty()
                    ? Map.of()
                    : retirementStore
                            .retirementsOfEntries(
                                    after, page.get(page.size() - 1).id())
                            .stream()
                            .collect(Collectors.toMap(RetirementStore.RetirementRow::entryId, Function.identity()));
            Map<Long, ReversalStore.ReversalRow> reversals = page.isEmpty()
                    ? Map.of()
                    : reversalStore.ofEntries(after, page.get(page.size() - 1).id()).stream()
                            .collect(Collectors.toMap(ReversalStore.ReversalRow::entryId, Function.identity()));
            for (JournalEntry entry : page) {
                Optional<String> problem = verifier.accept(entry)
                        .or(() -> verifier.acceptRetirement(entry, Optional.ofNullable(retirements.get(entry.id()))))
                        .or(() -> verifier.acceptReversal(entry, Optional.ofNullable(reversals.get(entry.id()))));
                if (problem.isPresent()) {
                    return new Verification(false, verifier.checked(), entry.id(), problem.get());
                }
                after = entry.id();
            }
        } while (page.size() == VERIFY_PAGE);
        for (AccountRow account : accountStore.allAccounts()) {
            Optional<String> problem = verifier.acceptHead(account.id(), account.headEntryId(), account.headHash());
            if (problem.isPresent()) {
                return new Verification(false, verifier.checked(), account.headEntryId(), problem.get());
            }
        }
        return new Verification(true, verifier.checked(), null, null);
    }
}
