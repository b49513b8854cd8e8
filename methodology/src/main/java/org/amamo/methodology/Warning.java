package org.amamo.methodology;

import java.util.List;
import java.util.Objects;

/**
 * Something a reviewer should know about an accepted input (an assumed value, a year that contributes
 * nothing); never a refusal. Where it concerns (a JSON path) and what, as a {@link Message} key with
 * arguments so that it can be shown in English or Japanese.
 *
 * @param path      location in the input document, e.g. {@code $.years[0].baselineT}
 * @param key       key of the message in the library's bundle, e.g. {@code warning.baseline.assumed-zero}
 * @param arguments the message's arguments: strings or nested messages
 */
public record Warning(String path, String key, List<Object> arguments) implements LocatedMessage {

    /** Checks that both parts are present. */
    public Warning {
        Objects.requireNonNull(path, "path");
        arguments = new Message(key, arguments).arguments();
    }

    /**
     * A warning with its message arguments.
     *
     * @param path      where
     * @param key       the message key
     * @param arguments strings or messages
     * @return the warning
     */
    public static Warning of(String path, String key, Object... arguments) {
        return new Warning(path, key, List.of(arguments));
    }
}
