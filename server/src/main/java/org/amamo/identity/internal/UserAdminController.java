package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ユーザー管理: list and search users, assign roles, disable and enable accounts. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class UserAdminController {

    private final UserAdministration administration;
    private final TwoFactor twoFactor;
    private final UserSessions sessions;

    UserAdminController(UserAdministration administration, TwoFactor twoFactor, UserSessions sessions) {
        this.administration = administration;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    @GetMapping("/secretariat/users")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<StoredUser> users = administration.search(q, role, page);
        model.addAttribute("users", users);
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("hasNext", users.size() == UserAdministration.PAGE_SIZE);
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    @GetMapping("/secretariat/users/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute(
                "user", administration.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("secondFactor", twoFactor.enabled(id));
        model.addAttribute("securityEvents", twoFactor.events(id));
        return "identity/user";
    }

    @PostMapping("/secretariat/users/{id}/roles")
    String assignRoles(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable long id,
            @RequestParam(name = "roles", required = false) Set<Role> roles,
            RedirectAttributes redirect) {
        return Flash.redirect(
                "/secretariat/users/" + id,
                administration.assignRoles(actor, id, roles == null ? EnumSet.noneOf(Role.class) : roles),
                "users.roles.saved",
                redirect);
    }

    @PostMapping("/secretariat/users/{id}/enabled")
    String setEnabled(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable long id,
            @RequestParam boolean enabled,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!enabled) {
            // Disabling signs the user out of every page and API token at once: asked once more, naming whom.
            StoredUser user =
                    administration.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            Confirmation confirmation = Confirmation.of("confirm.user.disable", "/secretariat/users/" + id)
                    .line("confirm.user.who", user.fullName(), user.email())
                    .line("confirm.user.disable.effect");
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        return Flash.redirect(
                "/secretariat/users/" + id,
                administration.setEnabled(actor, id, enabled),
                enabled ? "users.enabled" : "users.disabled",
                redirect);
    }

    /** An administrator removes a user's second factor (recorded) and ends the user's sessions. */
    @PostMapping("/secretariat/users/{id}/two-factor/reset")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String resetSecondFactor(
            @AuthenticationPrincipal AmamoPrincipal actor, @PathVariable long id, RedirectAttributes redirect) {
        Outcome<Void> reset = twoFactor.reset(actor, id);
        if (reset.isDone()) {
            administration.find(id).ifPresent(user -> sessions.endAll(user.email()));
        }
        return Flash.redirect("/secretariat/users/" + id, reset, "accounts.two-factor.reset.done", redirect);
    }
}
