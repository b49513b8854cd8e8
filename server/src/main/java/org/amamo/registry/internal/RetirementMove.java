package org.amamo.registry.internal;

import java.util.List;
import org.amamo.registry.CreditsRetired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Retires pieces already taken from a locked account, one operation at a time: moves them to the retirement account
 * of their vintage, journals the move with the payload every retirement has (so that the journal verifier can rebuild
 * it from the retirement record, see {@link Registry#retirementPayload}), writes the retirement record and publishes
 * {@link CreditsRetired}. The market's retirements on a buyer's behalf and a holder's selected retirements use it;
 * the grouped retirements write the same rows in bulk ({@link OperationGroup}).
 */
@Component
class RetirementMove {

    private final AccountStore accountStore;
    private final BatchStore batchStore;
    private final JournalStore journalStore;
    private final RetirementStore retirementStore;
    private final BlockMover mover;
    private final Journal journal;
    private final ApplicationEventPublisher events;

    RetirementMove(
            AccountStore accountStore,
            BatchStore batchStore,
            JournalStore journalStore,
            RetirementStore retirementStore,
            BlockMover mover,
            Journal journal,
            ApplicationEventPublisher events) {
        this.accountStore = accountStore;
        this.batchStore = batchStore;
        this.journalStore = journalStore;
        this.retirementStore = retirementStore;
        this.mover = mover;
        this.journal = journal;
        this.events = events;
    }

    /** Retires the pieces, all of one vintage, taken from {@code fromAccountId} (locked, among {@code locked}). */
    Receipt retire(
            Actor actor,
            String key,
            String print,
            long units,
            long fromAccountId,
            List<AccountRow> locked,
            List<BlockMover.Piece> pieces,
            RetirementDisclosure disclosure) {
        List<Integer> vintages = pieces.stream()
                .map(piece ->
                        batchStore.batch(piece.block().batchId()).orElseThrow().vintage())
                .distinct()
                .toList();
        if (vintages.size() != 1) {
            throw new IllegalStateException("one retirement retires credits of one vintage: " + vintages);
        }
        long retirementAccount = accountStore
                .accountByOwnerKey(Issuer.retirementKey(vintages.get(0)))
                .orElseThrow()
                .id();
        List<JournalEntry.Movement> movements = mover.move(pieces, retirementAccount, BlockStatus.RETIRED);
        Payload payload = Registry.retirementPayload(fromAccountId, disclosure);
        JournalEntry entry = journal.append(
                journalStore.nextEntryId(), Operation.RETIRE, actor, key, print, units, payload, locked, movements);
        long retirementId = retirementStore.insertRetirement(entry, fromAccountId, disclosure, units);
        events.publishEvent(new CreditsRetired(retirementId, units));
        return journal.receipt(entry, false, retirementId);
    }
}
