package org.amamo.registry.internal;

/** Where an account stands: requested, open for business, rejected, or closed. */
public enum AccountStatus {
    REQUESTED,
    OPEN,
    REJECTED,
    CLOSED
}
