package org.amamo.exchange.internal;

/**
 * An order's state: PENDING while a sell order's units move into escrow at entry, ACTIVE in the book, CHANGING or
 * CANCELLING while a change or cancellation moves units between the seller's account and escrow, CANCELLED; FILLED
 * once auctions executed all of it; a day order past its day's last auction EXPIRING while a sell order's open units
 * return from escrow to the seller, then EXPIRED (migration 30.1).
 */
enum OrderStatus {
    PENDING,
    ACTIVE,
    CHANGING,
    CANCELLING,
    CANCELLED,
    FILLED,
    EXPIRING,
    EXPIRED
}
