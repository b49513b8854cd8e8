package org.amamo.registry;

/** Published when a batch has been issued: its id, the project and vintage, and the units issued. */
public record CreditsIssued(long batchId, long projectId, int vintage, long creditUnits) {}
