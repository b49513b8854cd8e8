package org.amamo.platform;

import java.util.List;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BindingResult;

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
