package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The buffer's part of a batch: the uptake-weighted share of the ecosystems' rates, rounded down once per batch. */
class RegistryBufferShareTest {

    private static Map<String, BigDecimal> map(String... pairs) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return map;
    }

    @Test
    void aSingleEcosystemGivesItsShareRoundedDown() {
        // 10 % of 1,005 units is 100.5: the buffer gets 100, never a part of a unit.
        assertThat(BufferShare.units(1005, map("seagrass", "15.8"), map("seagrass", "10")))
                .isEqualTo(100);
        assertThat(BufferShare.units(1009, map("seagrass", "15.8"), map("seagrass", "10")))
                .isEqualTo(100);
        assertThat(BufferShare.units(1010, map("seagrass", "15.8"), map("seagrass", "10")))
                .isEqualTo(101);
    }

    @Test
    void severalEcosystemsGiveTheUptakeWeightedShareRoundedDownOnce() {
        // seagrass 15.8 t at 10 % and sargassum 27 t at 20 %: (15.8 x 10 + 27 x 20) / 42.8 = 16.308... %
        Map<String, BigDecimal> uptakes = map("seagrass", "15.8", "sargassum", "27");
        Map<String, BigDecimal> shares = map("seagrass", "10", "sargassum", "20");
        assertThat(BufferShare.units(1000, uptakes, shares)).isEqualTo(163);
        assertThat(BufferShare.percent(uptakes, shares)).isEqualByComparingTo("16.3084");
        // Rounded once: each ecosystem rounded on its own would give 36 + 126 = 162 of 1,000 (split 369 / 630).
        assertThat(BufferShare.units(1000, uptakes, shares))
                .isGreaterThan(BufferShare.units(369, map("seagrass", "1"), map("seagrass", "10"))
                        + BufferShare.units(631, map("sargassum", "1"), map("sargassum", "20")));
    }

    @Test
    void zeroPercentGivesNoBuffer() {
        assertThat(BufferShare.units(1_000_000, map("seagrass", "15.8", "kelp", "3"), map()))
                .isZero();
        assertThat(BufferShare.units(1_000_000, map("seagrass", "15.8"), map("seagrass", "0")))
                .isZero();
    }

    @Test
    void fiftyPercentGivesHalfRoundedDown() {
        assertThat(BufferShare.units(1001, map("mangrove", "5"), map("mangrove", "50")))
                .isEqualTo(500);
        assertThat(BufferShare.units(1, map("mangrove", "5"), map("mangrove", "50")))
                .isZero();
    }

    @Test
    void anEcosystemWithoutAShareCountsAtZeroAndWeighs() {
        // Half the uptake at 20 %, half in an ecosystem with no share: 10 %.
        assertThat(BufferShare.units(1000, map("kelp", "5", "tidal-flat", "5"), map("kelp", "20")))
                .isEqualTo(100);
    }

    @Test
    void noUptakeGivesNoBuffer() {
        assertThat(BufferShare.units(1000, map(), map("seagrass", "50"))).isZero();
        assertThat(BufferShare.units(1000, map("seagrass", "0"), map("seagrass", "50")))
                .isZero();
    }

    @Test
    void theHoldersShareTheRestByLargestRemainder() {
        BufferShare.Split split = BufferShare.split(1000, List.of(new BigDecimal("50"), new BigDecimal("50")), 163);
        assertThat(split.holderUnits()).containsExactly(419L, 418L);
        assertThat(split.bufferUnits()).isEqualTo(163);
    }
}
