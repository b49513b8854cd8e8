package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.Refusal;

/**
 * The rules of the disclosure a retiring holder adds for complete disclosure on use (seed 004 figure 12): the
 * emissions offset as a number of t-CO2 with whether all or part are offset (each needs the other, and "all" means
 * the retired tonnes reach the emissions stated, "part" that they fall short), the beneficiary's sector and why
 * this credit was chosen (both optional, of bounded length).
 */
final class OffsetDisclosure {

    /** The most t-CO2 of emissions a retirement may state (a country's annual emissions are about 10^9 t). */
    static final BigDecimal MAX_OFFSET_TONNES = new BigDecimal("10000000000");

    /** The most decimals of the emissions stated (kilograms). */
    static final int MAX_OFFSET_SCALE = 3;

    /** The most characters of the beneficiary's sector. */
    static final int MAX_SECTOR_LENGTH = 100;

    /** The most characters of why the credit was chosen. */
    static final int MAX_REASON_LENGTH = 1_000;

    private OffsetDisclosure() {}

    /** What is wrong with the added disclosure of a retirement of {@code creditUnits}; empty if nothing. */
    static List<Refusal> refusals(RetirementDisclosure disclosure, long creditUnits) {
        List<Refusal> refusals = new ArrayList<>();
        BigDecimal tonnes = disclosure.offsetTonnesCo2();
        OffsetCoverage coverage = disclosure.offsetCoverage();
        if (tonnes != null) {
            if (tonnes.signum() <= 0) {
                refusals.add(Refusal.of("offsetTonnesCo2", "quality.offset-tonnes.positive"));
            } else if (tonnes.stripTrailingZeros().scale() > MAX_OFFSET_SCALE) {
                refusals.add(Refusal.of("offsetTonnesCo2", "quality.offset-tonnes.scale", MAX_OFFSET_SCALE));
            } else if (tonnes.compareTo(MAX_OFFSET_TONNES) > 0) {
                refusals.add(Refusal.of(
                        "offsetTonnesCo2", "quality.offset-tonnes.too-large", MAX_OFFSET_TONNES.toPlainString()));
            } else if (coverage != null && creditUnits > 0) {
                coverageRefusal(tonnes, coverage, creditUnits).ifPresent(refusals::add);
            }
        }
        if (tonnes == null && coverage != null) {
            refusals.add(Refusal.of("offsetTonnesCo2", "quality.offset-tonnes.required"));
        }
        if (tonnes != null && coverage == null) {
            refusals.add(Refusal.of("offsetCoverage", "quality.offset-coverage.required"));
        }
        Registry.text(disclosure.beneficiarySector(), "beneficiarySector", MAX_SECTOR_LENGTH, false)
                .ifPresent(refusals::add);
        Registry.text(disclosure.selectionReason(), "selectionReason", MAX_REASON_LENGTH, false)
                .ifPresent(refusals::add);
        return refusals;
    }

    /** "All" needs the retired tonnes to reach the emissions stated; "part" needs them to fall short. */
    private static Optional<Refusal> coverageRefusal(BigDecimal tonnes, OffsetCoverage coverage, long creditUnits) {
        BigDecimal retired = BigDecimal.valueOf(creditUnits, 1);
        boolean covers = retired.compareTo(tonnes) >= 0;
        if (coverage == OffsetCoverage.ALL && !covers) {
            return Optional.of(Refusal.of(
                    "offsetCoverage",
                    "quality.offset-coverage.all-short",
                    retired.toPlainString(),
                    tonnes.stripTrailingZeros().toPlainString()));
        }
        if (coverage == OffsetCoverage.PART && covers) {
            return Optional.of(Refusal.of(
                    "offsetCoverage",
                    "quality.offset-coverage.part-covered",
                    retired.toPlainString(),
                    tonnes.stripTrailingZeros().toPlainString()));
        }
        return Optional.empty();
    }
}
