package org.amamo.methodology;

import java.util.List;
import java.util.Objects;

/**
 * One reason why an input was refused: where (a JSON path such as
 * {@code $.years[0].components[1].certainty}, or an XML location for survey tracks) and what to fix, as a
 * {@link Message} key with arguments so that it can be shown in English or Japanese.
 *
 * @param path      location of the offending field in the input document
 * @param key       key of the message in the library's bundle, e.g. {@code sheet.years.required}
 * @param arguments the message's arguments: strings or nested messages
 */
public record FieldError(String path, String key, List<Object> arguments) implements LocatedMessage {

    /** Checks that both parts are present, since an error without a location or reason helps nobody. */
    public FieldError {
        Objects.requireNonNull(path, "path");
        arguments = new Message(key, arguments).arguments();
    }

    /**
     * An error with its message arguments.
     *
     * @param path      where
     * @param key       the message key
     * @param arguments strings or messages
     * @return the error
     */
    public static FieldError of(String path, String key, Object... arguments) {
        return new FieldError(path, key, List.of(arguments));
    }

    /**
     * The error with its location, as a message to render in the reader's language: {@code path: message}.
     *
     * @return the message
     */
    public Message located() {
        return Message.of("error.located", path, reason());
    }
}
