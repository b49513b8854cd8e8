package org.amamo.exchange.internal;

/**
 * An order's state: PENDING while a sell order's units move into escrow at entry, ACTIVE in the book, CHANGING or
 * CANCELLING while a change or cancellation moves units between the seller's account and escrow, CANCELLED.
 */
enum OrderStatus {
    PENDING,
    ACTIVE,
    CHANGING,
    CANCELLING,
    CANCELLED
}
