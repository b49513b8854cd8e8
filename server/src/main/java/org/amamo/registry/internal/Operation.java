package org.amamo.registry.internal;

/** What a journal entry records. */
public enum Operation {
    ISSUE,
    TRANSFER,
    RETIRE,
    CANCEL,
    ACCOUNT_OPENED,
    ACCOUNT_CLOSED,
    /** Units consigned from a holding account to a market round's escrow account. */
    CONSIGN,
    /** Sold units delivered from escrow to the buyer's holding account. */
    DELIVER,
    /** Unsold units returned from escrow to the account they were consigned from. */
    RELEASE,
    /** A reversal recorded by the secretariat: units cancelled from a programme's buffer account ({@link BufferDesk}). */
    REVERSE
}
