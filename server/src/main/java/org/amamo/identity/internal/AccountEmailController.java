package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's address: confirm it from the mailed link, send the link again, change the address (the new one is
 * confirmed the same way). The confirmation link shows a button rather than confirming on the first visit, so that
 * a mail scanner opening the link confirms nothing.
 */
@Controller
class AccountEmailController {

    private final EmailConfirmation confirmation;
    private final UserRepository users;
    private final Clock clock;

    AccountEmailController(EmailConfirmation confirmation, UserRepository users, Clock clock) {
        this.confirmation = confirmation;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/account/email")
    String page(@AuthenticationPrincipal AmamoPrincipal principal, Model model) {
        model.addAttribute("user", users.findById(principal.userId()).orElseThrow());
        return "identity/email";
    }

    @PostMapping("/account/email/resend")
    String resend(@AuthenticationPrincipal AmamoPrincipal principal, RedirectAttributes redirect) {
        return Flash.redirect(
                "/account/email",
                confirmation.resend(principal.userId(), SiteUrl.current()),
                "accounts.email.sent",
                redirect);
    }

    @PostMapping("/account/email/change")
    String change(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        return Flash.redirect(
                "/account/email",
                confirmation.change(principal.userId(), email, password, SiteUrl.current()),
                "accounts.email.change-sent",
                redirect);
    }

    @GetMapping("/email/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        AccountLinks.State state = confirmation.state(token);
        if (state != AccountLinks.State.VALID) {
            return LinkPages.invalid(state, model, response);
        }
        model.addAttribute("token", token);
        return "identity/email-confirm";
    }

    @PostMapping("/email/confirm")
    String confirm(
            @RequestParam(required = false) String token,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> confirmed = confirmation.confirm(token);
        if (confirmed.refused()) {
            model.addAttribute("refusals", confirmed.refusals());
            response.setStatus(HttpStatus.CONFLICT.value());
            return "identity/link-invalid";
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null
                && current.getPrincipal() instanceof AmamoPrincipal principal
                && principal.userId() == confirmed.value()) {
            users.findById(principal.userId())
                    .ifPresent(user -> SignIns.signIn(
                            request, response, user.principal(clock.instant(), principal.secondFactor())));
            redirect.addFlashAttribute("flash", "accounts.email.confirmed");
            return "redirect:/account/email";
        }
        redirect.addFlashAttribute("flash", "accounts.email.confirmed-sign-in");
        return "redirect:/login";
    }
}
