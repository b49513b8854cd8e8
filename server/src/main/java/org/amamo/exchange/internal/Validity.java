package org.amamo.exchange.internal;

/** How long an order stands: for its trading day (DAY) or until cancelled (GTC). */
enum Validity {
    DAY,
    GTC
}
