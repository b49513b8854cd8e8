package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RegistryLargestRemainderTest {

    @Test
    void givesTheLeftoverUnitToTheLargestFraction() {
        // 10 units at 33.3 / 33.3 / 33.4 %: quotas 3.33, 3.33, 3.34 -> 3, 3, 3 and one left for the largest (3.34).
        assertThat(allocate(10, "33.3", "33.3", "33.4")).containsExactly(3L, 3L, 4L);
    }

    @Test
    void breaksTiesInFavourOfTheHolderListedFirst() {
        assertThat(allocate(1, "50", "50")).containsExactly(1L, 0L);
        assertThat(allocate(2, "33.3333", "33.3333", "33.3334")).containsExactly(1L, 0L, 1L);
        assertThat(allocate(5, "25", "25", "25", "25")).containsExactly(2L, 1L, 1L, 1L);
    }

    @Test
    void givesExactSharesWhenTheyDivideEvenly() {
        assertThat(allocate(228, "50", "25", "25")).containsExactly(114L, 57L, 57L);
    }

    @Test
    void refusesSharesThatDoNotSumToOneHundred() {
        assertThatThrownBy(() -> allocate(10, "50", "49.99")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void unitsAlwaysAddUpAndEachHolderIsWithinOneUnitOfTheExactShare(
            @ForAll @LongRange(min = 0, max = 100_000_000) long units, @ForAll("shares") List<BigDecimal> shares) {
        List<Long> allocated = LargestRemainder.allocate(units, shares);
        assertThat(allocated.stream().mapToLong(Long::longValue).sum()).isEqualTo(units);
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(units)
                    .multiply(shares.get(i))
                    .divide(BigDecimal.valueOf(100), 10, RoundingMode.UNNECESSARY);
            BigDecimal difference =
                    BigDecimal.valueOf(allocated.get(i)).subtract(exact).abs();
            assertThat(difference).isLessThan(BigDecimal.ONE);
            assertThat(allocated.get(i)).isGreaterThanOrEqualTo(0);
        }
    }

    /** 1 to 20 shares with two decimals, each positive, summing to exactly 100. */
    @Provide
    Arbitrary<List<BigDecimal>> shares() {
        return Arbitraries.integers()
                .between(1, 20)
                .flatMap(count -> Arbitraries.integers()
                        .between(1, 10_000)
                        .list()
                        .ofSize(count)
                        .map(weights -> {
                            long total = weights.stream()
                                    .mapToLong(Integer::longValue)
                                    .sum();
                            List<BigDecimal> result = new ArrayList<>();
                            long given = 0;
                            for (int i = 0; i < count; i++) {
                                long hundredths = i == count - 1 ? 10_000 - given : weights.get(i) * 10_000 / total;
                                given += hundredths;
                                result.add(BigDecimal.valueOf(hundredths, 2));
                            }
                            return result;
                        })
                        .filter(list -> list.stream().allMatch(share -> share.signum() >= 0)));
    }

    private static List<Long> allocate(long units, String... shares) {
        return LargestRemainder.allocate(
                units, java.util.Arrays.stream(shares).map(BigDecimal::new).toList());
    }
}
