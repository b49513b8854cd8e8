package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The buffer's part of a batch (docs/registry.md, "Buffer pool and reversals"). A project whose certified uptake comes
 * from several ecosystems contributes the uptake-weighted share of their rates, rounded down once per batch:
 *
 * <pre>
 *   buffer units = floor( units × Σ(uptake_e × share_e) / (100 × Σ uptake_e) )
 * </pre>
 *
 * computed exactly in {@link BigDecimal} (the numerator and denominator are finite decimals, and one division rounds
 * down to whole units). An ecosystem with no share set counts at 0 %; an ecosystem whose uptake is not positive
 * weighs nothing. With no uptake at all (a reduction, or a batch issued without a certified application) the buffer
 * gets nothing.
 */
final class BufferShare {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BufferShare() {}

    /** The buffer units of a batch of {@code creditUnits} with this uptake by ecosystem under these shares. */
    static long units(long creditUnits, Map<String, BigDecimal> uptakes, Map<String, BigDecimal> shares) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> uptake : uptakes.entrySet()) {
            if (uptake.getValue() == null || uptake.getValue().signum() <= 0) {
                continue;
            }
            weighted = weighted.add(uptake.getValue().multiply(shares.getOrDefault(uptake.getKey(), BigDecimal.ZERO)));
            total = total.add(uptake.getValue());
        }
        if (total.signum() == 0 || weighted.signum() == 0) {
            return 0;
        }
        return BigDecimal.valueOf(creditUnits)
                .multiply(weighted)
                .divide(total.multiply(HUNDRED), 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /**
     * The weighted share in percent, for the record (4 decimals, rounded down); the units come from
     * {@link #units}, never from this figure.
     */
    static BigDecimal percent(Map<String, BigDecimal> uptakes, Map<String, BigDecimal> shares) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> uptake : uptakes.entrySet()) {
            if (uptake.getValue() == null || uptake.getValue().signum() <= 0) {
                continue;
            }
            weighted = weighted.add(uptake.getValue().multiply(shares.getOrDefault(uptake.getKey(), BigDecimal.ZERO)));
            total = total.add(uptake.getValue());
        }
        return total.signum() == 0
                ? BigDecimal.ZERO
                : weighted.divide(total, MathContext.DECIMAL128).setScale(4, RoundingMode.FLOOR);
    }

    /** How a batch is split: the units each holder receives (by largest remainder of the rest) and the buffer's. */
    record Split(java.util.List<Long> holderUnits, long bufferUnits) {}

    /** The buffer's units first, then the rest among the holders by their shares ({@link LargestRemainder}). */
    static Split split(long creditUnits, java.util.List<BigDecimal> holderShares, long bufferUnits) {
        return new Split(LargestRemainder.allocate(creditUnits - bufferUnits, holderShares), bufferUnits);
    }
}
