package org.amamo.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message a web action leaves for the page it redirects to: when done, the success message (a bundle key, shown
 * as {@code flash}); when refused, the refusals (shown as {@code refusals}, see the layout). The one way a web
 * controller without a form to show again answers an {@link Outcome}.
 */
public final class Flash {

    private Flash() {}

    /** Redirects to {@code target} with the success message or the refusals of {@code outcome}. */
    public static String redirect(String target, Outcome<?> outcome, String success, RedirectAttributes redirect) {
        if (outcome.refused()) {
            redirect.addFlashAttribute("refusals", outcome.refusals());
        } else {
            redirect.addFlashAttribute("flash", success);
        }
        return "redirect:" + target;
    }
}
