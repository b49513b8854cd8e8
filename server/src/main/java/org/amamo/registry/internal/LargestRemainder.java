package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a whole number of units among holders by percentages, exactly (the largest-remainder, or Hamilton,
 * method):
 * <ol>
 * <li>each holder's exact quota is {@code units * share / 100};</li>
 * <li>each holder first receives the quota's whole part (rounded down);</li>
 * <li>the units still left, fewer than the number of holders, go one each to the holders with the largest
 * fractional parts; equal fractional parts go to the holder listed first.</li>
 * </ol>
 * The arithmetic is exact ({@code units * share} is a finite decimal; only its remainder modulo 100 is compared),
 * so the allocations always add up to {@code units} and each differs from the exact quota by less than one unit.
 */
final class LargestRemainder {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LargestRemainder() {}

    /** The units of each holder, in the order of {@code sharesPercent}, which must be non-negative and sum to 100. */
    static List<Long> allocate(long units, List<BigDecimal> sharesPercent) {
        if (units < 0 || sharesPercent.isEmpty()) {
            throw new IllegalArgumentException("units must be non-negative and holders present");
        }
        if (sharesPercent.stream().anyMatch(share -> share.signum() < 0)
                || sharesPercent.stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .compareTo(HUNDRED)
                        != 0) {
            throw new IllegalArgumentException("shares must be non-negative and sum to 100: " + sharesPercent);
        }
        int holders = sharesPercent.size();
        long[] allocated = new long[holders];
        BigDecimal[] remainders = new BigDecimal[holders];
        long given = 0;
        for (int i = 0; i < holders; i++) {
            BigDecimal[] division =
                    BigDecimal.valueOf(units).multiply(sharesPercent.get(i)).divideAndRemainder(HUNDRED);
            allocated[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += allocated[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            order.add(i);
        }
        // A stable sort keeps the request's order among equal remainders: ties go to the holder listed first.
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed());
        long left = units - given;
        if (left < 0 || left >= holders) {
            throw new IllegalStateException("largest remainder left " + left + " units for " + holders + " holders");
        }
        for (int k = 0; k < left; k++) {
            allocated[order.get(k)]++;
        }
        List<Long> result = new ArrayList<>(holders);
        for (long value : allocated) {
            result.add(value);
        }
        return List.copyOf(result);
    }
}
