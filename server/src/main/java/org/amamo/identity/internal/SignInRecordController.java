package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.amamo.identity.AmamoPrincipal;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in record: each user's own recent sign-ins and active sessions, any other of which the user may end; the
 * administrator's list of failed, locked and throttled sign-ins.
 */
@Controller
class SignInRecordController {

    private final SignInRecord record;
    private final UserSessions sessions;

    SignInRecordController(SignInRecord record, UserSessions sessions) {
        this.record = record;
        this.sessions = sessions;
    }

    @GetMapping("/account/sign-ins")
    String page(@AuthenticationPrincipal AmamoPrincipal principal, HttpServletRequest request, Model model) {
        model.addAttribute("signIns", record.of(principal.userId()));
        model.addAttribute("sessions", sessions.of(principal.email(), currentId(request)));
        model.addAttribute("retentionDays", SignInRecord.RETENTION.toDays());
        return "identity/sign-ins";
    }

    /** Ends another session of the signed-in user; a handle of no other session of theirs is not found. */
    @PostMapping("/account/sessions/{handle}/end")
    String end(
            @AuthenticationPrincipal AmamoPrincipal principal,
            @PathVariable String handle,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!sessions.end(principal.email(), handle, currentId(request))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Flash.redirect("/account/sign-ins", Outcome.done(), "accounts.sign-ins.ended", redirect);
    }

    @GetMapping("/admin/sign-ins")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String failures(Model model) {
        model.addAttribute("signIns", record.failures());
        model.addAttribute("retentionDays", SignInRecord.RETENTION.toDays());
        return "identity/sign-in-failures";
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
