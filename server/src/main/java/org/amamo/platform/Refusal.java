package org.amamo.platform;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A business rule's "no", as a value: the field it concerns (a form field or JSON path, {@code $} for
 * the whole request), a message key from the bundles and its arguments. Rendered in the user's language
 * at the edge, as a form error or an API field error.
 */
public record Refusal(String field, String messageKey, List<Object> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(String field, String messageKey, Object... arguments) {
        return new Refusal(field, messageKey, List.of(arguments));
    }

    public String message(MessageSource messages, Locale locale) {
        return messages.getMessage(messageKey, arguments.toArray(), messageKey, locale);
    }
}
