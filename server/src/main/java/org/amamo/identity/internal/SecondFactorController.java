package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor sign-in at the browser: the code asked after a right password ({@code /login/code}), and the user's own
 * page to turn it on (with a QR code for the authenticator app), enter a code for this session, renew the recovery
 * codes or turn it off.
 */
@Controller
class SecondFactorController {

    /** The session attribute of a sign-in whose password was right and whose code is still to come. */
    static final String PENDING = SecondFactorController.class.getName() + ".PENDING";
    /** The session attribute of the secret being enrolled, until a code from the app confirms it. */
    static final String ENROLMENT = SecondFactorController.class.getName() + ".ENROLMENT";

    static final String ISSUER = "Amamo";

    /** Whom a pending sign-in is for. */
    record Pending(long userId, String email) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final TwoFactor twoFactor;
    private final UserRepository users;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final SignInRecord record;

    SecondFactorController(
            TwoFactor twoFactor, UserRepository users, LoginAttempts attempts, Clock clock, SignInRecord record) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.attempts = attempts;
        this.clock = clock;
        this.record = record;
    }

    /** After a right password of a user with a second factor: nobody is signed in until the code is given. */
    static void begin(HttpServletRequest request, HttpServletResponse response, AmamoPrincipal principal)
            throws IOException {
        SignIns.signOut(request, response);
        request.getSession().setAttribute(PENDING, new Pending(principal.userId(), principal.email()));
        response.sendRedirect(request.getContextPath() + "/login/code");
    }

    @GetMapping("/login/code")
    String codeForm(HttpSession session) {
        return session.getAttribute(PENDING) == null ? "redirect:/login?error=expired" : "identity/login-code";
    }

    /** The code of a pending sign-in; wrong codes count toward the address's login throttle like wrong passwords. */
    @PostMapping("/login/code")
    String code(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(PENDING) instanceof Pending pending)) {
            return "redirect:/login?error=expired";
        }
        String address = request.getRemoteAddr();
        if (attempts.blockedUntil(pending.email(), address).isPresent()) {
            record.record(pending.userId(), pending.email(), SignInRecord.Result.THROTTLED, true, request);
            return "redirect:/login/code?error=throttled";
        }
        StoredUser user = users.findById(pending.userId()).orElse(null);
        if (user == null || !user.enabled() || user.lockedAt(clock.instant())) {
            session.removeAttribute(PENDING);
            return "redirect:/login?error=" + (user != null && !user.enabled() ? "disabled" : "locked");
        }
        if (!twoFactor.verify(user.id(), code)) {
            attempts.failed(pending.email(), address);
            record.record(user.id(), user.email(), SignInRecord.Result.FAILURE, true, request);
            return "redirect:/login/code?error=wrong";
        }
        attempts.succeeded(pending.email(), address);
        users.recordSuccessfulLogin(user.id());
        session.removeAttribute(PENDING);
        request.changeSessionId();
        record.record(user.id(), user.email(), SignInRecord.Result.SUCCESS, true, request);
        AmamoPrincipal signedIn = user.principal(clock.instant(), true);
        SignIns.signIn(request, response, signedIn);
        return "redirect:" + SignIns.target(request, response, signedIn);
    }

    @GetMapping("/account/two-factor")
    String page(@AuthenticationPrincipal AmamoPrincipal principal, HttpSession session, Model model) {
        boolean enabled = twoFactor.enabled(principal.userId());
        model.addAttribute("enabled", enabled);
        model.addAttribute("required", principal.needsSecondFactor());
        model.addAttribute("thisSession", principal.secondFactor());
        if (enabled) {
            model.addAttribute("recoveryCodesLeft", twoFactor.recoveryCodesLeft(principal.userId()));
            model.addAttribute("events", twoFactor.events(principal.userId()));
        } else {
            String secret = session.getAttribute(ENROLMENT) instanceof String pending ? pending : twoFactor.newSecret();
            session.setAttribute(ENROLMENT, secret);
            String uri = TotpUri.of(ISSUER, principal.email(), secret);
            model.addAttribute("secret", secret);
            model.addAttribute("qr", TotpUri.svg(uri));
        }
        return "identity/two-factor";
    }

    /** Turns the second factor on with the secret shown, once the app's code matches; shows the recovery codes. */
    @PostMapping("/account/two-factor")
    String enable(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        HttpSession session = request.getSession();
        String secret = session.getAttribute(ENROLMENT) instanceof String pending ? pending : null;
        Outcome<List<String>> enabled = twoFactor.enable(principal.userId(), secret, code);
        if (enabled.refused()) {
            return Flash.redirect("/account/two-factor", enabled, "", redirect);
        }
        session.removeAttribute(ENROLMENT);
        signInAgain(principal, request, response);
        model.addAttribute("codes", enabled.value());
        model.addAttribute("flash", "accounts.two-factor.enabled");
        return "identity/recovery-codes";
    }

    /** A user whose factor is on but whose session passed none (signed in before it was required): a code now. */
    @PostMapping("/account/two-factor/verify")
    String verify(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String address = request.getRemoteAddr();
        if (attempts.blockedUntil(principal.email(), address).isPresent()) {
            return "redirect:/login/code?error=throttled";
        }
        if (!twoFactor.verify(principal.userId(), code)) {
            attempts.failed(principal.email(), address);
            redirect.addFlashAttribute("refusals", List.of(codeWrong()));
            return "redirect:/account/two-factor";
        }
        attempts.succeeded(principal.email(), address);
        signInAgain(principal, request, response);
        redirect.addFlashAttribute("flash", "accounts.two-factor.verified");
        return "redirect:/";
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String renew(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @RequestParam(required = false) String code,
            Model model,
            RedirectAttributes redirect) {
        Outcome<List<String>> renewed = twoFactor.renewRecoveryCodes(principal.userId(), code);
        if (renewed.refused()) {
            return Flash.redirect("/account/two-factor", renewed, "", redirect);
        }
        model.addAttribute("codes", renewed.value());
        model.addAttribute("flash", "accounts.two-factor.codes-renewed");
        return "identity/recovery-codes";
    }

    @PostMapping("/account/two-factor/disable")
    String disable(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Void> disabled = twoFactor.disable(principal, code);
        if (disabled.isDone()) {
            users.findById(principal.userId())
                    .ifPresent(user -> SignIns.signIn(request, response, user.principal(clock.instant(), false)));
        }
        return Flash.redirect("/account/two-factor", disabled, "accounts.two-factor.disabled", redirect);
    }

    private void signInAgain(AmamoPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        users.findById(principal.userId())
                .ifPresent(user -> SignIns.signIn(request, response, user.principal(clock.instant(), true)));
    }

    private static Refusal codeWrong() {
        return Refusal.of("code", "accounts.two-factor.code-wrong");
    }
}
