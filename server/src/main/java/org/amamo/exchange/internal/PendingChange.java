package org.amamo.exchange.internal;

/**
 * The change an order was asked, recorded with the order when the change begins and before its units move, so that
 * the change can be finished as asked if the registry moved them and the server went down before it could say so.
 */
record PendingChange(long limitPriceJpy, long tradingUnits, Validity validity, boolean losesPriority) {

    PendingChange {
        if (limitPriceJpy < 1 || tradingUnits < 1 || validity == null) {
            throw new IllegalArgumentException("a change needs a price, a quantity and a validity");
        }
    }
}
