package org.amamo.application.internal;

import java.util.List;
import java.util.Locale;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Message;
import org.amamo.platform.Refusal;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The methodology library's messages in Spring's terms. The library's bundle
 * ({@value Message#BUNDLE}, English by default, Japanese in {@code _ja}) is one of the message source's
 * basenames, so a library message becomes a resolvable of its key, which the message source renders in
 * the request's language, nested messages included. The default message is the library's English pattern,
 * formatted with the same arguments, in case the bundle were missing.
 */
final class MethodologyMessages {

    private MethodologyMessages() {}

    /** A library message as a (serializable) resolvable: its key, its arguments, its English pattern. */
    static MessageSourceResolvable resolvable(Message message) {
        Object[] arguments = message.arguments().stream()
                .map(argument -> argument instanceof Message nested ? resolvable(nested) : argument)
                .toArray();
        return new DefaultMessageSourceResolvable(
                new String[] {message.key()}, arguments, message.pattern(Locale.ROOT));
    }

    /** A refusal of {@code field} with {@code messageKey}, whose one argument is the library's reason. */
    static Refusal refusal(String field, String messageKey, Message reason) {
        return Refusal.of(field, messageKey, resolvable(reason));
    }

    /** Refusals of the site: each library error with its location ({@code path: message}). */
    static List<Refusal> siteRefusals(List<FieldError> errors) {
        return errors.stream()
                .map(error -> refusal("siteGeojson", "application.site.invalid", error.located()))
                .toList();
    }
}
