package org.amamo.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the review form's {@code certainty[componentId][factor]} fields into scores per component. */
final class CertaintyParameters {

    private static final Pattern NAME =
            Pattern.compile("certainty\\[([^\\]]{1,100})\\]\\[(areaCertainty|coefficientCertainty|certainty)\\]");

    private CertaintyParameters() {}

    static Map<String, Map<String, String>> read(Map<String, String> parameters) {
        Map<String, Map<String, String>> scores = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Matcher matcher = NAME.matcher(name);
            if (matcher.matches()) {
                scores.computeIfAbsent(matcher.group(1), key -> new LinkedHashMap<>())
                        .put(matcher.group(2), value);
            }
        });
        return scores;
    }
}
