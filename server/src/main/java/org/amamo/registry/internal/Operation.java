package org.amamo.registry.internal;

/** What a journal entry records. */
enum Operation {
    ISSUE,
    TRANSFER,
    RETIRE,
    CANCEL,
    ACCOUNT_OPENED,
    ACCOUNT_CLOSED
}
