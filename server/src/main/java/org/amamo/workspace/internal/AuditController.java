package org.amamo.workspace.internal;

import java.util.EnumSet;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit history (変更履歴): who changed roles, enabled or disabled accounts, changed fee rules or review
 * committees, when, and the value before and after. An administrator sees every change; the secretariat, which
 * manages users but not programme settings, sees the changes of roles and accounts.
 */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/secretariat/audit")
    String history(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        Set<AuditTrail.Kind> kinds = user.roles().contains(Role.ADMINISTRATOR)
                ? EnumSet.allOf(AuditTrail.Kind.class)
                : EnumSet.of(AuditTrail.Kind.ROLES, AuditTrail.Kind.ACCOUNT);
        model.addAttribute("kinds", kinds);
        model.addAttribute("events", audit.recent(kinds));
        model.addAttribute("limit", AuditTrail.LIMIT);
        return "workspace/audit";
    }
}
