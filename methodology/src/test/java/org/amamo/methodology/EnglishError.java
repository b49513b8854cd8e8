package org.amamo.methodology;

import java.util.List;

/**
 * A field error as the CLI shows it: its path and its English message. Tests compare these rather than
 * message keys, so that they pin down the exact text of the contract.
 *
 * @param path    where
 * @param message the English message
 */
public record EnglishError(String path, String message) {

    /**
     * The English form of an error.
     *
     * @param error the error
     * @return its path and English message
     */
    public static EnglishError of(FieldError error) {
        return new EnglishError(error.path(), error.message());
    }

    /**
     * The English form of errors, in order.
     *
     * @param errors the errors
     * @return their paths and English messages
     */
    public static List<EnglishError> all(List<FieldError> errors) {
        return errors.stream().map(EnglishError::of).toList();
    }
}
