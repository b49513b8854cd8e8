package org.amamo.registry;

/**
 * A retirement on someone's behalf, with its public disclosure: who claims the offset, the purpose (one of
 * {@link MarketSettlement#retirementPurposes()}), which emissions it offsets, the reporting year (optional) and a
 * note (optional).
 */
public record RetirementOrder(
        String beneficiary, String purpose, String emissionsOffset, Integer reportingYear, String note) {}
