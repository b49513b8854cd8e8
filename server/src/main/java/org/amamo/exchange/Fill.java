package org.amamo.exchange;

/**
 * What one order got in a call auction: {@code tradingUnits} at the auction's one execution price.
 *
 * @param orderId the order
 * @param side its side
 * @param tradingUnits the executed quantity, at least one and at most the order's quantity
 */
public record Fill(long orderId, Side side, long tradingUnits) {}
