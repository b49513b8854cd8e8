package org.amamo.application.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The list above the application form of everything wrong with it: each problem by the field's label, in the
 * reader's language, linking to the field, which the form marks as well.
 */
final class FormProblems {

    private FormProblems() {}

    /** One problem: where it is on the page, the field's label ("" for a problem of the whole form) and what is wrong. */
    record Problem(String anchor, String label, String message) {}

    static List<Problem> of(BindingResult binding, MessageSource messages, Locale locale) {
        return binding.getFieldErrors().stream()
                .map(error -> problem(error, messages, locale))
                .distinct()
                .toList();
    }

    private static Problem problem(FieldError error, MessageSource messages, Locale locale) {
        String label = FieldLabels.of(error.getField()).stream()
                .map(part -> part.number() == null
                        ? messages.getMessage(part.key(), null, part.key(), locale)
                        : messages.getMessage(part.key(), new Object[] {part.number()}, part.key(), locale))
                .collect(Collectors.joining(" › "));
        return new Problem(FieldLabels.anchor(error.getField()), label, messages.getMessage(error, locale));
    }
}
