package org.amamo.registry.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the journal in id order and checks every entry's hash and every chain link; at the end, checks that each
 * account's chain head is the last entry seen for it (which catches a deleted last entry). A retirement's public
 * record (beneficiary, purpose, emissions offset, year, note, units, time) is checked against its entry, whose hash
 * covers the same disclosure in its payload: so an altered, deleted or misattributed record breaks the journal too.
 * A reversal's record (loss, units cancelled from the buffer, shortfall) is checked against its entry the same way.
 * Reports the first problem found: the entry (or account) and what is wrong.
 */
final class JournalVerifier {

    private final Map<Long, JournalEntry.ChainLink> heads = new HashMap<>();
    private long checked;

    /** Checks the next entry; empty if sound. */
    Optional<String> accept(JournalEntry entry) {
        checked++;
        if (!entry.computeHash().equals(entry.hash())) {
            return Optional.of("entry " + entry.id() + ": content does not match its hash");
        }
        for (JournalEntry.ChainLink link : entry.links()) {
            JournalEntry.ChainLink expected = heads.getOrDefault(
                    link.accountId(), new JournalEntry.ChainLink(link.accountId(), 0, JournalEntry.GENESIS_HASH));
            if (expected.previousEntryId() != link.previousEntryId()
                    || !expected.previousHash().equals(link.previousHash())) {
                return Optional.of("entry " + entry.id() + ": link of account " + link.accountId() + " names entry "
                        + link.previousEntryId() + " but the chain's previous entry is " + expected.previousEntryId()
                        + (expected.previousEntryId() == link.previousEntryId() ? " with another hash" : ""));
            }
            heads.put(link.accountId(), new JournalEntry.ChainLink(link.accountId(), entry.id(), entry.hash()));
        }
        return Optional.empty();
    }

    /**
     * Checks the retirement record of an entry that has been {@link #accept accepted}: a retirement entry has exactly
     * the record its payload, units and time describe; any other entry has none. Empty if sound.
     */
    Optional<String> acceptRetirement(JournalEntry entry, Optional<RetirementStore.RetirementRow> record) {
        if (entry.operation() != Operation.RETIRE) {
            return record.map(row -> "retirement record " + row.id() + " names entry " + entry.id() + ", which is a "
                    + entry.operation() + ", not a retirement");
        }
        if (record.isEmpty()) {
            return Optional.of("entry " + entry.id() + ": its retirement record is missing");
        }
        RetirementStore.RetirementRow row = record.get();
        boolean matches = Registry.retirementPayload(row.accountId(), row.disclosure())
                        .text()
                        .equals(entry.payload())
                && row.creditUnits() == entry.creditUnits()
                && row.retiredAt().equals(entry.recordedAt());
        return matches
                ? Optional.empty()
                : Optional.of("entry " + entry.id() + ": retirement record " + row.id()
                        + " does not match the disclosure, units or time the entry's hash covers");
    }

    /**
     * Checks the reversal record of an accepted entry: a reversal entry has exactly the record its payload, units and
     * time describe; any other entry has none. Empty if sound.
     */
    Optional<String> acceptReversal(JournalEntry entry, Optional<ReversalStore.ReversalRow> record) {
        if (entry.operation() != Operation.REVERSE) {
            return record.map(row -> "reversal record " + row.id() + " names entry " + entry.id() + ", which is a "
                    + entry.operation() + ", not a reversal");
        }
        if (record.isEmpty()) {
            return Optional.of("entry " + entry.id() + ": its reversal record is missing");
        }
        ReversalStore.ReversalRow row = record.get();
        boolean matches = row.payload().text().equals(entry.payload())
                && row.cancelledUnits() == entry.creditUnits()
                && row.recordedAt().equals(entry.recordedAt());
        return matches
                ? Optional.empty()
                : Optional.of("entry " + entry.id() + ": reversal record " + row.id()
                        + " does not match the loss, units or time the entry's hash covers");
    }

    /** Checks an account's stored head against the chain walked; empty if sound. */
    Optional<String> acceptHead(long accountId, long headEntryId, String headHash) {
        JournalEntry.ChainLink expected =
                heads.getOrDefault(accountId, new JournalEntry.ChainLink(accountId, 0, JournalEntry.GENESIS_HASH));
        if (expected.previousEntryId() != headEntryId
                || !expected.previousHash().equals(headHash)) {
            return Optional.of("account " + accountId + ": chain head names entry " + headEntryId
                    + " but the journal's last entry for it is " + expected.previousEntryId());
        }
        return Optional.empty();
    }

    long checked() {
        return checked;
    }
}
