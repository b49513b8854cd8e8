package org.amamo.application.internal;

import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Seed 002's public screens: 意見公募中プロジェクト (projects open for comment, where anyone may
 * comment) and 承認プロジェクト一覧 (certified projects, with their calculation sheets).
 */
@Controller
class PublicProjectController {

    static final int LIST_MAX = 200;

    private final ApplicationRepository applications;
    private final ApplicationService service;
    private final Programmes programmes;

    PublicProjectController(ApplicationRepository applications, ApplicationService service, Programmes programmes) {
        this.applications = applications;
        this.programmes = programmes;
        this.service = service;
    }

    @GetMapping("/projects/public-comment")
    String openForComment(@RequestParam(required = false) String programme, Model model) {
        listed(model, ApplicationStatus.PUBLIC_COMMENT, programme);
        return "application/public-comment";
    }

    @GetMapping("/projects/approved")
    String approved(@RequestParam(required = false) String programme, Model model) {
        listed(model, ApplicationStatus.CERTIFIED, programme);
        return "application/approved";
    }

    /** The public list of one status, of every programme or of one ({@code ?programme=YBC}). */
    private void listed(Model model, ApplicationStatus status, String programme) {
        String code = programmes.known(programme);
        model.addAttribute("applications", applications.search(status, code, null, 0, LIST_MAX));
        model.addAttribute("programme", code);
        model.addAttribute("programmes", programmes.all());
    }

    /** Anyone, signed in or not, may comment while the window is open (seed 002, 意見公募). */
    @PostMapping("/projects/{id}/comments")
    String comment(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String authorName,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        if (service.find(id)
                .filter(application -> application.status().isPublic())
                .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<org.amamo.platform.Refusal> refusals = service.comment(id, authorName, body);
        if (refusals.isEmpty()) {
            redirect.addFlashAttribute("flash", "comment.posted");
        } else {
            redirect.addFlashAttribute("refusals", refusals);
        }
        return "redirect:/applications/" + id;
    }
}
