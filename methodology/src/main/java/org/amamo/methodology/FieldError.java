package org.amamo.methodology;

import java.util.Objects;

/**
 * One reason why an input was refused: where (a JSON path such as
 * {@code $.years[0].components[1].certainty}, or an XML location for survey tracks) and what to fix.
 *
 * @param path    location of the offending field in the input document
 * @param message what is wrong and how to fix it, in one sentence
 */
public record FieldError(String path, String message) {

    /** Checks that both parts are present, since an error without a location or reason helps nobody. */
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Formats the error as one line for a terminal or a log: {@code path: message}.
     *
     * @return the error as a single line
     */
    public String line() {
        return path + ": " + message;
    }
}
