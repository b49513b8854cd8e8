package org.amamo.registry;

/** Published when credits have been retired (無効化): the public retirement record's id and the units retired. */
public record CreditsRetired(long retirementId, long creditUnits) {}
