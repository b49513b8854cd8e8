package org.amamo.claim;

/** Where a stored claim stands: submitted and not yet decided, or certified. */
public enum ClaimStatus {
    UNDER_REVIEW,
    CERTIFIED
}
