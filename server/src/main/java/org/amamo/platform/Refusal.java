package org.amamo.platform;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A business rule's "no", as a value: the field it concerns (a form field or JSON path, {@code $} for
 * the whole request), a message key from the bundles and its arguments. Rendered in the user's language
 * at the edge, as a form error or an API field error. Serializable, because a refusal may travel to the
 * next page as a flash attribute in the database-backed session; arguments are strings, numbers and
 * serializable {@link org.springframework.context.MessageSourceResolvable}s (such as the methodology
 * library's messages), which the message source renders in the same language.
 */
public record Refusal(String field, String messageKey, List<Object> arguments) implements Serializable {

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
