package org.amamo.exchange;

/** The side of an order: to buy credits or to sell them. */
public enum Side {
    BUY,
    SELL
}
