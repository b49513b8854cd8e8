package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.NotificationKind;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's choice of which notifications also come by e-mail. Only one's own: the user is the signed-in
 * principal, never a parameter. The kinds one must act on are shown on and cannot be turned off.
 */
@Controller
class NotificationSettingsController {

    private final NotificationSettings settings;

    NotificationSettingsController(NotificationSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/account/notification-mail")
    String page(@AuthenticationPrincipal AmamoPrincipal principal, Model model) {
        return show(principal, model);
    }

    @PostMapping("/account/notification-mail")
    String choose(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @RequestParam(name = "kinds", required = false) List<String> kinds,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Set<String> chosen = kinds == null ? Set.of() : new TreeSet<>(kinds);
        Outcome<Void> saved = settings.choose(principal.userId(), chosen);
        if (saved.refused()) {
            response.setStatus(saved.kind().status().value());
            model.addAttribute("refusals", saved.refusals());
            return show(principal, model);
        }
        return Flash.redirect("/account/notification-mail", saved, "accounts.notifications.saved", redirect);
    }

    private String show(AmamoPrincipal principal, Model model) {
        model.addAttribute("kinds", List.of(NotificationKind.values()));
        model.addAttribute("mailed", settings.mailed(principal.userId()));
        return "identity/notifications";
    }
}
