package org.amamo.registry;

/**
 * A retirement on someone's behalf, with its public disclosure: who claims the offset, the purpose (one of
 * {@link MarketSettlement#retirementPurposes()}), which emissions it offsets, the reporting year (optional) and a
 * note (optional).
 */
public record RetirementOrder(
        String beneficiary, String purpose, String emissionsOffset, Integer reportingYear, String note) {

    /**
     * The most characters of a disclosure's beneficiary. The registry refuses a longer one; the market checks it
     * when it takes a bid, so that a buyer hears of it before the round settles.
     */
    public static final int MAX_BENEFICIARY_LENGTH = 200;

    /** The most characters of a disclosure's description of the emissions it offsets (checked as the beneficiary). */
    public static final int MAX_EMISSIONS_OFFSET_LENGTH = 500;
}
