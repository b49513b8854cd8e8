package org.amamo.exchange.internal;

/** Whether an instrument takes orders: OPEN, or SUSPENDED by the secretariat (no entry or change; cancel allowed). */
enum InstrumentStatus {
    OPEN,
    SUSPENDED
}
