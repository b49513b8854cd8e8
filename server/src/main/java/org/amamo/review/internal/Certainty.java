package org.amamo.review.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.platform.Refusal;

/**
 * The committee's certainty (確実性) per component: for the area method {@code areaCertainty} and
 * {@code coefficientCertainty}, for the other methods {@code certainty}; each a decimal in (0, 1] with at
 * most two decimals (methodology.md §1). Where several reviewers score the same factor, the committee's
 * figure is the lowest of theirs: the conservative choice, as the scheme never certifies more than its
 * least confident reviewer accepts. The application module writes the committee's figures into the sheet it
 * certifies.
 */
final class Certainty {

    static final List<String> AREA_FACTORS = List.of("areaCertainty", "coefficientCertainty");
    static final List<String> OTHER_FACTORS = List.of("certainty");

    private Certainty() {}

    static List<String> factorsFor(String method) {
        return "area".equals(method) ? AREA_FACTORS : OTHER_FACTORS;
    }

    /**
     * Checks one reviewer's scores: every factor of every component given, each in (0, 1], 2 decimals. Each refusal
     * names its factor in its message key ({@code review.certainty.required.areaCertainty}, ...) and its component in
     * its argument, so two errors of one component read differently.
     */
    static List<Refusal> check(Map<String, String> methodsById, Map<String, Map<String, String>> scores) {
        List<Refusal> refusals = new ArrayList<>();
        for (Map.Entry<String, String> component : methodsById.entrySet()) {
            for (String factor : factorsFor(component.getValue())) {
                String field = "certainty[" + component.getKey() + "][" + factor + "]";
                String text = scores.getOrDefault(component.getKey(), Map.of()).get(factor);
                if (text == null || text.isBlank()) {
                    refusals.add(Refusal.of(field, "review.certainty.required." + factor, component.getKey()));
                } else if (!valid(text.strip())) {
                    refusals.add(Refusal.of(field, "review.certainty.invalid." + factor, component.getKey()));
                }
            }
        }
        return refusals;
    }

    static boolean valid(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() > 0
                    && value.compareTo(BigDecimal.ONE) <= 0
                    && value.stripTrailingZeros().scale() <= 2;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** One reviewer's scores as decimals, once {@link #check} found them valid. */
    static Map<String, Map<String, BigDecimal>> decimals(Map<String, Map<String, String>> scores) {
        return committee(java.util.List.of(scores));
    }

    /** The committee's figure for each component and factor: the lowest any reviewer gave. */
    static Map<String, Map<String, BigDecimal>> committee(Collection<Map<String, Map<String, String>>> reviews) {
        Map<String, Map<String, BigDecimal>> lowest = new LinkedHashMap<>();
        for (Map<String, Map<String, String>> review : reviews) {
            review.forEach((component, factors) -> factors.forEach((factor, text) -> {
                BigDecimal value = new BigDecimal(text.strip());
                lowest.computeIfAbsent(component, key -> new LinkedHashMap<>()).merge(factor, value, BigDecimal::min);
            }));
        }
        return lowest;
    }
}
