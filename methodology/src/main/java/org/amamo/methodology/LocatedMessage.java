package org.amamo.methodology;

import java.util.List;
import java.util.Locale;

/**
 * A message about one place in an input document: where (a JSON path, or an XML location for survey tracks) and
 * what, as a {@link Message} key with arguments, so that it reads in English (the CLI, logs) or in the reader's
 * language (the web pages). {@link FieldError} and {@link Warning} are the two kinds.
 */
public interface LocatedMessage {

    /**
     * Where in the input document.
     *
     * @return e.g. {@code $.years[0].components[1].certainty}
     */
    String path();

    /**
     * The key of the message in the library's bundle.
     *
     * @return e.g. {@code sheet.years.required}
     */
    String key();

    /**
     * The message's arguments.
     *
     * @return strings or nested messages
     */
    List<Object> arguments();

    /**
     * The message to render in the reader's language.
     *
     * @return the message
     */
    default Message reason() {
        return new Message(key(), arguments());
    }

    /**
     * The message in English.
     *
     * @return one sentence
     */
    default String message() {
        return reason().text();
    }

    /**
     * The message in the reader's language.
     *
     * @param locale the reader's locale
     * @return one sentence
     */
    default String message(Locale locale) {
        return reason().text(locale);
    }

    /**
     * The message as one line in English, {@code path: message}, for a terminal, a log or the result JSON.
     *
     * @return a single line
     */
    default String line() {
        return path() + ": " + message();
    }
}
