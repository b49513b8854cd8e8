package org.amamo.methodology;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence of the library in any of its languages: a key of the bundle {@value #BUNDLE} and its
 * arguments. The default file {@code messages.properties} is English (the CLI's language and the fallback);
 * {@code messages_ja.properties} is Japanese. Patterns follow {@link MessageFormat} as Spring's message
 * sources apply it: a pattern with arguments is formatted (an apostrophe is written {@code ''}), a pattern
 * without arguments is taken as it stands (an apostrophe is written {@code '}).
 *
 * <p>Arguments are text already formatted by the caller ({@code BigDecimal.toPlainString()}, a path, a
 * number as {@code Integer.toString}), so that no locale adds grouping separators or changes a decimal
 * point; or a nested {@code Message}, rendered in the same language (a label such as "polygon 1, ring 0").
 *
 * @param key       the key in the bundle, e.g. {@code sheet.years.required}
 * @param arguments the {@code {0}}, {@code {1}}, ... of the pattern: strings or messages
 */
public record Message(String key, List<Object> arguments) {

    /** Base name of the library's bundle, for {@link ResourceBundle} and Spring's message sources. */
    public static final String BUNDLE = "org/amamo/methodology/messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Checks the key and the arguments' types; see the class comment for why numbers are refused. */
    public Message {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
        for (Object argument : arguments) {
            if (!(argument instanceof String) && !(argument instanceof Message)) {
                throw new IllegalArgumentException("argument of " + key + " must be a String or a Message, not "
                        + argument.getClass().getName());
            }
        }
    }

    /**
     * A message with its arguments.
     *
     * @param key       the key in the bundle
     * @param arguments strings or messages
     * @return the message
     */
    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments));
    }

    /**
     * The message in English, the default language.
     *
     * @return the text
     */
    public String text() {
        return text(Locale.ROOT);
    }

    /**
     * The message in a language: Japanese for {@code ja}, English for any other locale.
     *
     * @param locale the reader's locale
     * @return the text
     */
    public String text(Locale locale) {
        String pattern = pattern(locale);
        if (arguments.isEmpty()) {
            return pattern;
        }
        Object[] rendered = arguments.stream()
                .map(argument -> argument instanceof Message nested ? nested.text(locale) : argument)
                .toArray();
        return new MessageFormat(pattern, locale).format(rendered);
    }

    /**
     * The unformatted pattern of the key in a language, as the bundle holds it; for a message source that
     * formats it itself with this message's arguments.
     *
     * @param locale the reader's locale
     * @return the pattern
     */
    public String pattern(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE.replace('/', '.'), locale, NO_FALLBACK)
                .getString(key);
    }
}
