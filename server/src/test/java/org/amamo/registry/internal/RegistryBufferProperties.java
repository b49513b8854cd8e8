package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amamo.programme.BufferShares;

/**
 * Whatever the programme's shares (0 to 50 %, two decimals), the project's mix of ecosystems and the holders' shares,
 * an issuance's split gives the holders and the buffer together exactly the certified units, the buffer never more
 * than the highest share of the mix and never less than the lowest (each rounded down), and every holder within one
 * unit of their share of the rest.
 */
class RegistryBufferProperties {

    /** A batch: its units, the uptake by ecosystem, the programme's shares and the holders' shares. */
    record Batch(
            long units, Map<String, BigDecimal> uptakes, Map<String, BigDecimal> shares, List<BigDecimal> holders) {}

    @Property(tries = 1_000)
    void holdersAndBufferTogetherHoldTheCertifiedUnits(@ForAll("batches") Batch batch) {
        long buffer = BufferShare.units(batch.units(), batch.uptakes(), batch.shares());
        BufferShare.Split split = BufferShare.split(batch.units(), batch.holders(), buffer);

        long held = split.holderUnits().stream().mapToLong(Long::longValue).sum();
        assertThat(held + split.bufferUnits()).isEqualTo(batch.units());
        assertThat(split.holderUnits()).allMatch(units -> units >= 0);

        List<BigDecimal> mixShares = batch.uptakes().entrySet().stream()
                .filter(uptake -> uptake.getValue().signum() > 0)
                .map(uptake -> batch.shares().getOrDefault(uptake.getKey(), BigDecimal.ZERO))
                .toList();
        BigDecimal highest = mixShares.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal lowest = mixShares.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        assertThat(buffer).isLessThanOrEqualTo(floor(batch.units(), highest));
        assertThat(buffer).isGreaterThanOrEqualTo(floor(batch.units(), lowest));
        assertThat(buffer).isLessThanOrEqualTo(batch.units() / 2);

        long rest = batch.units() - buffer;
        for (int i = 0; i < batch.holders().size(); i++) {
            BigDecimal exact =
                    BigDecimal.valueOf(rest).multiply(batch.holders().get(i)).divide(BigDecimal.valueOf(100));
            assertThat(BigDecimal.valueOf(split.holderUnits().get(i))
                            .subtract(exact)
                            .abs())
                    .isLessThan(BigDecimal.ONE);
        }
    }

    private static long floor(long units, BigDecimal percent) {
        return BigDecimal.valueOf(units)
                .multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    @Provide
    Arbitrary<Batch> batches() {
        Arbitrary<Long> units = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 100), Arbitraries.longs().between(1, Issuer.MAX_BATCH_UNITS));
        Arbitrary<Map<String, BigDecimal>> uptakes = Arbitraries.of(BufferShares.ECOSYSTEMS)
                .set()
                .ofMinSize(0)
                .ofMaxSize(BufferShares.ECOSYSTEMS.size())
                .flatMap(ecosystems -> Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, new BigDecimal("100000"))
                        .ofScale(4)
                        .list()
                        .ofSize(ecosystems.size())
                        .map(values -> {
                            Map<String, BigDecimal> map = new LinkedHashMap<>();
                            List<String> keys = new ArrayList<>(ecosystems);
                            for (int i = 0; i < keys.size(); i++) {
                                map.put(keys.get(i), values.get(i));
                            }
                            return map;
                        }));
        Arbitrary<Map<String, BigDecimal>> shares = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BufferShares.MAX_PERCENT)
                .ofScale(BufferShares.MAX_SCALE)
                .list()
                .ofSize(BufferShares.ECOSYSTEMS.size())
                .map(values -> {
                    Map<String, BigDecimal> map = new LinkedHashMap<>();
                    for (int i = 0; i < values.size(); i++) {
                        map.put(BufferShares.ECOSYSTEMS.get(i), values.get(i));
                    }
                    return map;
                });
        Arbitrary<List<BigDecimal>> holders = Arbitraries.integers()
                .between(1, 9_999)
                .list()
                .ofMinSize(0)
                .ofMaxSize(Issuer.MAX_HOLDERS - 1)
                .map(cuts -> {
                    // Holder shares in hundredths of a percent that add up to exactly 100 %.
                    List<Integer> points =
                            new ArrayList<>(cuts.stream().distinct().sorted().toList());
                    points.add(0, 0);
                    points.add(10_000);
                    List<BigDecimal> result = new ArrayList<>();
                    for (int i = 1; i < points.size(); i++) {
                        result.add(BigDecimal.valueOf(points.get(i) - points.get(i - 1), 2));
                    }
                    return result;
                });
        return Combinators.combine(units, uptakes, shares, holders).as(Batch::new);
    }
}
