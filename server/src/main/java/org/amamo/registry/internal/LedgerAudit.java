package org.amamo.registry.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The on-demand checks: the ledger's invariants, and the journal's hash chains. */
@Service
class LedgerAudit {

    private final LedgerStore store;
    private final Journal journal;

    LedgerAudit(LedgerStore store, Journal journal) {
        this.store = store;
        this.journal = journal;
    }

    /** Checks {@link LedgerInvariants} over one consistent snapshot of the whole ledger. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerInvariants.Check invariants() {
        return LedgerInvariants.check(store.snapshot());
    }

    public Journal.Verification verify() {
        return journal.verify();
    }
}
