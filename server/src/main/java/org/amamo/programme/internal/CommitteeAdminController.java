package org.amamo.programme.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator adds reviewers to a programme's review committee and removes them. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CommitteeAdminController {

    private final ProgrammeRepository programmes;
    private final ProgrammeCommittee committee;
    private final AdminPage page;
    private final UserDirectory users;

    CommitteeAdminController(
            ProgrammeRepository programmes, ProgrammeCommittee committee, AdminPage page, UserDirectory users) {
        this.programmes = programmes;
        this.committee = committee;
        this.page = page;
        this.users = users;
    }

    @PostMapping("/admin/programmes/{code}/committee")
    String add(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable String code,
            @RequestParam(required = false) Long userId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String known = known(code);
        Outcome<Void> added = committee.add(actor.userId(), known, userId);
        return added.isDone()
                ? done(known, "programme.committee.added", redirect)
                : page.refused(model, response, known, added);
    }

    @PostMapping("/admin/programmes/{code}/committee/{userId}/delete")
    String remove(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable String code,
            @PathVariable long userId,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String known = known(code);
        String name = users.find(userId).map(user -> user.fullName()).orElse("#" + userId);
        Confirmation confirmation = Confirmation.of("confirm.committee.remove", "/admin/programmes#programme-" + known)
                .line("confirm.committee.remove.who", name, known)
                .line("confirm.committee.remove.effect");
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        Outcome<Void> removed = committee.remove(actor.userId(), known, userId);
        return removed.isDone()
                ? done(known, "programme.committee.removed", redirect)
                : page.refused(model, response, known, removed);
    }

    private String known(String code) {
        return programmes
                .find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .code();
    }

    static String done(String code, String flash, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/admin/programmes#programme-" + code;
    }
}
