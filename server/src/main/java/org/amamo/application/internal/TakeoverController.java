package org.amamo.application.internal;

import jakarta.validation.constraints.Size;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Flash;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Take-over (引継ぎ) on the web: an applicant's requests and the request form ({@code /projects/takeovers}), the
 * secretariat's pending requests with approve and refuse ({@code /secretariat/takeovers}), and the new owner's
 * continuation of the project.
 */
@Controller
class TakeoverController {

    private final TakeoverService takeovers;
    private final DraftService drafts;

    TakeoverController(TakeoverService takeovers, DraftService drafts) {
        this.takeovers = takeovers;
        this.drafts = drafts;
    }

    /** The request form's fields; the service checks them and answers at the field. */
    static final class RequestForm {
        @Size(max = 20)
        private String projectCode;

        private String statement;

        public String getProjectCode() {
            return projectCode;
        }

        public void setProjectCode(String projectCode) {
            this.projectCode = projectCode;
        }

        public String getStatement() {
            return statement;
        }

        public void setStatement(String statement) {
            this.statement = statement;
        }
    }

    @GetMapping("/projects/takeovers")
    @PreAuthorize("hasRole('APPLICANT')")
    String mine(
            @AuthenticationPrincipal AmamoPrincipal user, @RequestParam(required = false) String project, Model model) {
        RequestForm form = new RequestForm();
        form.setProjectCode(project);
        model.addAttribute("form", form);
        return mine(user, model);
    }

    @PostMapping("/projects/takeovers")
    @PreAuthorize("hasRole('APPLICANT')")
    String request(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("form") RequestForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Outcome<Long> requested = takeovers.request(user, form.getProjectCode(), form.getStatement());
        if (FormErrors.reject(binding, requested)) {
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", "takeover.requested");
        return "redirect:/projects/takeovers";
    }

    @PostMapping("/projects/{id}/continue")
    @PreAuthorize("hasRole('APPLICANT')")
    String continueProject(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable("id") long projectId,
            RedirectAttributes redirect) {
        Outcome<Long> created = drafts.continueProject(user, projectId);
        if (created.refused()) {
            return Flash.redirect("/projects/takeovers", created, null, redirect);
        }
        redirect.addFlashAttribute("flash", "application.continued");
        return "redirect:/applications/" + created.value() + "/edit";
    }

    @GetMapping("/secretariat/takeovers")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String pending(Model model) {
        model.addAttribute("takeovers", takeovers.pending());
        return "application/secretariat-takeovers";
    }

    @PostMapping("/secretariat/takeovers/{id}/approve")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String approve(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        return Flash.redirect(
                "/secretariat/takeovers", FormErrors.found(takeovers.approve(user, id)), "takeover.approved", redirect);
    }

    @PostMapping("/secretariat/takeovers/{id}/refuse")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String refuse(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Outcome<Void> refused = FormErrors.found(takeovers.refuse(user, id, reason));
        return Flash.redirect("/secretariat/takeovers", refused, "takeover.refused", redirect);
    }

    private String mine(AmamoPrincipal user, Model model) {
        model.addAttribute("takeovers", takeovers.requestedBy(user.userId()));
        model.addAttribute("ownedProjects", takeovers.ownedProjectIds(user.userId()));
        return "application/takeovers";
    }
}
