package org.amamo.registry.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The on-demand checks: the ledger's invariants, and the journal's hash chains. */
@Service
public class LedgerAudit {

    private final InvariantSnapshot invariantSnapshot;
    private final Journal journal;

    LedgerAudit(InvariantSnapshot invariantSnapshot, Journal journal) {
        this.invariantSnapshot = invariantSnapshot;
        this.journal = journal;
    }

    /** Checks {@link LedgerInvariants} over one consistent snapshot of the whole ledger. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerInvariants.Check invariants() {
        return LedgerInvariants.check(invariantSnapshot.snapshot());
    }

    public Journal.Verification verify() {
        return journal.verify();
    }
}
