package org.amamo.registry.internal;

/**
 * What a retirement discloses to the public (seed 004): who claims the offset, why, which emissions it offsets and
 * for which reporting year, and a free note.
 */
public record RetirementDisclosure(
        String beneficiary, RetirementPurpose purpose, String emissionsOffset, Integer reportingYear, String note) {}
