package org.amamo.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The one way an irreversible web action asks for intent: a server-side confirmation step. The action's form posts
 * as usual; without {@code confirmed=yes} the controller changes nothing and answers this page instead, which states
 * what will happen (quantities, serials, who is affected) and posts the same parameters again with the confirmation.
 * For the gravest actions (issuing and cancelling credits) the page also asks the user to type a value (the quantity
 * or the serial range), compared on the server. It needs no JavaScript, and a single POST never acts.
 *
 * <pre>{@code
 * Confirmation confirmation = Confirmation.of("round.close.confirm", "/secretariat/market/rounds/" + id)
 *         .line("round.close.confirm.bids", bidCount);
 * if (!confirmation.givenBy(request)) {
 *     return confirmation.page(request, model);
 * }
 * }</pre>
 */
public final class Confirmation {

    /** The parameter the confirmation page's button sends. */
    public static final String PARAMETER = "confirmed";
    /** Its value. */
    public static final String YES = "yes";
    /** The parameter of the typed value, for the gravest actions. */
    public static final String TYPED = "typedConfirmation";
    /** The generic page that asks. */
    static final String VIEW = "confirm";

    private static final int TYPED_MAX = 200;

    private final String titleKey;
    private final String back;
    private final List<Line> lines = new ArrayList<>();
    private String expected;
    private String typedLabelKey;

    private Confirmation(String titleKey, String back) {
        this.titleKey = titleKey;
        this.back = back;
    }

    /** One statement of what will happen: a message key and its arguments. */
    public record Line(String key, List<Object> arguments) implements Serializable {
        public Line {
            arguments = List.copyOf(arguments);
        }
    }

    /** A confirmation titled by {@code titleKey} (the question), with a way back to {@code back} (a path). */
    public static Confirmation of(String titleKey, String back) {
        return new Confirmation(titleKey, back);
    }

    /** Adds a statement of what the action will do. */
    public Confirmation line(String key, Object... arguments) {
        lines.add(new Line(key, List.of(arguments)));
        return this;
    }

    /** Asks the user to type {@code value} (labelled by {@code labelKey}) as a second sign of intent. */
    public Confirmation typing(String value, String labelKey) {
        this.expected = value;
        this.typedLabelKey = labelKey;
        return this;
    }

    /** Whether the request was sent from the confirmation page, with the matching typed value when one is asked. */
    public boolean givenBy(HttpServletRequest request) {
        return YES.equals(request.getParameter(PARAMETER)) && (expected == null || typedMatches(request));
    }

    private boolean typedMatches(HttpServletRequest request) {
        return same(request.getParameter(TYPED), expected);
    }

    /**
     * Whether a typed value names the expected one: compared after Unicode normalisation (full-width digits),
     * without spaces and digit separators; numbers by value (12.50 is 12.5).
     */
    static boolean same(String typed, String expected) {
        if (typed == null || expected == null || typed.length() > TYPED_MAX) {
            return false;
        }
        String left = normal(typed);
        String right = normal(expected);
        if (left.isEmpty()) {
            return false;
        }
        try {
            return new BigDecimal(left).compareTo(new BigDecimal(right)) == 0;
        } catch (NumberFormatException notNumbers) {
            return left.equalsIgnoreCase(right);
        }
    }

    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\s,]", "")
                .replace('ー', '-')
                .replace('−', '-');
    }

    /**
     * The confirmation page, repeating the request's parameters (but the CSRF token, which the page's form carries
     * itself, and the confirmation's own) as hidden fields, and posting them to the same address.
     */
    public String page(HttpServletRequest request, Model model) {
        List<Map.Entry<String, String>> hidden = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !name.equals(PARAMETER) && !name.equals(TYPED)) {
                for (String value : values) {
                    hidden.add(Map.entry(name, value));
                }
            }
        });
        model.addAttribute("confirmTitle", titleKey);
        model.addAttribute("confirmLines", List.copyOf(lines));
        model.addAttribute("confirmAction", request.getRequestURI());
        model.addAttribute("confirmHidden", hidden);
        model.addAttribute("confirmBack", back);
        model.addAttribute("confirmTypedLabel", typedLabelKey);
        model.addAttribute(
                "confirmTypedWrong",
                expected != null && YES.equals(request.getParameter(PARAMETER)) && !typedMatches(request));
        return VIEW;
    }
}
