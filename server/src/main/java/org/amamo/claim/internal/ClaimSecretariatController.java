package org.amamo.claim.internal;

import org.amamo.claim.ClaimDetermination;
import org.amamo.claim.ClaimRegister;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's report of conflicting certified claims, with a determination form for each. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class ClaimSecretariatController {

    private final ClaimRegister claims;

    ClaimSecretariatController(ClaimRegister claims) {
        this.claims = claims;
    }

    @GetMapping("/secretariat/claims")
    String report(Model model) {
        model.addAttribute("conflicts", claims.certifiedConflicts());
        return "claim/secretariat";
    }

    @PostMapping("/secretariat/claims/determinations")
    String determine(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam long applicationId,
            @RequestParam long otherApplicationId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false, defaultValue = "/secretariat/claims") String back,
            RedirectAttributes redirect) {
        Outcome<ClaimDetermination> outcome =
                claims.determine(applicationId, otherApplicationId, reason, user.userId());
        String target = back.startsWith("/applications/") ? back : "/secretariat/claims";
        return Flash.redirect(target, outcome, "claim.determination.recorded", redirect);
    }
}
