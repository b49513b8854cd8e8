package org.amamo.platform;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/** Puts business-rule refusals beside the bean-validation errors of a web form. */
public final class FormErrors {

    private FormErrors() {}

    /** A refusal about something that is not a form field (an attachment, say) is shown for the form. */
    private static boolean readable(BindingResult binding, String field) {
        if (binding instanceof AbstractPropertyBindingResult properties) {
            return properties.getPropertyAccessor().isReadableProperty(field);
        }
        return true;
    }

    /** Adds the refusals of a refused outcome to the form; returns whether it was refused. */
    public static boolean reject(BindingResult binding, Outcome<?> outcome) {
        reject(binding, outcome.refusals());
        return outcome.refused();
    }

    /**
     * The outcome, unless it was refused because the object does not exist (or is not the viewer's to see): a web
     * page answers that with the 404 page rather than a form error.
     */
    public static <T> Outcome<T> found(Outcome<T> outcome) {
        if (outcome.kind() == RefusalKind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return outcome;
    }

    /** Adds each refusal as an error of its field ({@code $} for the whole form). */
    public static void reject(BindingResult binding, List<Refusal> refusals) {
        for (Refusal refusal : refusals) {
            Object[] arguments = refusal.arguments().toArray();
            if ("$".equals(refusal.field()) || !readable(binding, refusal.field())) {
                binding.reject(refusal.messageKey(), arguments, refusal.messageKey());
            } else {
                binding.rejectValue(refusal.field(), refusal.messageKey(), arguments, refusal.messageKey());
            }
        }
    }
}
