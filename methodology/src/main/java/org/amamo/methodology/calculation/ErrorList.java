package org.amamo.methodology.calculation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.methodology.FieldError;

/** Collects errors, keeping the first error per path so that each field gets one message. */
final class ErrorList {

    private final Map<String, FieldError> byPath = new LinkedHashMap<>();

    void add(String path, String key, Object... arguments) {
        byPath.putIfAbsent(path, FieldError.of(path, key, arguments));
    }

    boolean has(String path) {
        return byPath.containsKey(path);
    }

    boolean isEmpty() {
        return byPath.isEmpty();
    }

    List<FieldError> toList() {
        return List.copyOf(byPath.values());
    }

    /**
     * Merges errors found while reading JSON with the validator's errors, leaving out validator errors
     * about a field (or an element containing a field) that could not be read, since the reading error
     * already says what to fix there.
     */
    static List<FieldError> merge(List<FieldError> readErrors, List<FieldError> validationErrors) {
        List<FieldError> merged = new ArrayList<>(readErrors);
        for (FieldError error : validationErrors) {
            boolean related = readErrors.stream()
                    .anyMatch(read -> isUnder(error.path(), read.path())
                            || error.path().endsWith("]") && isUnder(read.path(), error.path()));
            if (!related) {
                merged.add(error);
            }
        }
        return merged;
    }

    private static boolean isUnder(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }
}
