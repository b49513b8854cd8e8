package org.amamo.market.internal;

/**
 * An allocation's settlement: AWAITING_PAYMENT until the seller confirms payment (or the deadline lapses it); PAID
 * while the registry delivers; SETTLED once the credits reached the buyer (or were retired on their behalf);
 * LAPSED if unpaid by the deadline, its units going back to the consignor with the round's unsold rest.
 */
enum AllocationStatus {
    AWAITING_PAYMENT,
    PAID,
    SETTLED,
    LAPSED
}
