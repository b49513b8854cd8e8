package org.amamo.market;

/** Where a price comes from. */
public enum PriceSource {
    /** A sale in a buyer solicitation round, paid and delivered. */
    ROUND,
    /** A bilateral trade whose price the seller reported; not verified by anyone. */
    REPORTED,
    /** A contract of a call auction on the exchange, at the auction's execution price. */
    EXCHANGE
}
