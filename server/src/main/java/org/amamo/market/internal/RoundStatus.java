package org.amamo.market.internal;

/**
 * A solicitation round's life: DRAFT (holders consign, not public) → OPEN (announced; bids during the window) →
 * CLOSED (window over, by the secretariat or the deadline job) → ALLOCATED (allocations made, payment awaited) →
 * SETTLED (every allocation delivered or lapsed, unsold units returned, results published).
 */
enum RoundStatus {
    DRAFT,
    OPEN,
    CLOSED,
    ALLOCATED,
    SETTLED
}
