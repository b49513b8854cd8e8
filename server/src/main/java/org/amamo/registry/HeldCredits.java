package org.amamo.registry;

/** Units of one batch held in one of a user's open holding accounts. */
public record HeldCredits(long accountId, String holderName, CreditBatch batch, long creditUnits) {}
