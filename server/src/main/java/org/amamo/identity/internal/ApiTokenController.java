package org.amamo.identity.internal;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own API tokens: list, create (shown once, and only in a sign-in that passed a second factor),
 * revoke.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        model.addAttribute("tokens", tokens.list(user.userId()));
        model.addAttribute("secondFactor", user.secondFactor());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String create(
            @AuthenticationPrincipal AmamoPrincipal user, @RequestParam(required = false) String name, Model model) {
        Outcome<String> created = user.secondFactor()
                ? tokens.create(user.userId(), name)
                : Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("name", "accounts.token.second-factor-needed"));
        model.addAttribute("tokens", tokens.list(user.userId()));
        model.addAttribute("refusals", created.refusals());
        model.addAttribute("newToken", created.value());
        model.addAttribute("secondFactor", user.secondFactor());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        return Flash.redirect("/account/tokens", tokens.revoke(user.userId(), id), "token.revoked", redirect);
    }
}
