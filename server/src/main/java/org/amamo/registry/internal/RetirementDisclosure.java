package org.amamo.registry.internal;

import java.math.BigDecimal;

/**
 * What a retirement discloses to the public (seed 004 figure 12): who claims the offset, why, which emissions it
 * offsets and for which reporting year, a free note, and (each optional, stated by the retiring holder) the offset
 * emissions as a number of t-CO2 with whether the retirement covers all or part of them, the beneficiary's sector
 * and why this credit was chosen. The project's facts (monitoring period, region, category, co-benefits) are not
 * part of it: they are read from the batch when the record is shown.
 */
public record RetirementDisclosure(
        String beneficiary,
        RetirementPurpose purpose,
        String emissionsOffset,
        Integer reportingYear,
        String note,
        BigDecimal offsetTonnesCo2,
        OffsetCoverage offsetCoverage,
        String beneficiarySector,
        String selectionReason) {

    /** A disclosure without the numeric offset, sector and reason (as the market's settlements retire). */
    public RetirementDisclosure(
            String beneficiary, RetirementPurpose purpose, String emissionsOffset, Integer reportingYear, String note) {
        this(beneficiary, purpose, emissionsOffset, reportingYear, note, null, null, null, null);
    }

    /** Whether any of the fields added for complete disclosure is set. */
    boolean extended() {
        return offsetTonnesCo2 != null
                || offsetCoverage != null
                || beneficiarySector != null
                || selectionReason != null;
    }
}
