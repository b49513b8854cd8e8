package org.amamo.application.internal;

import org.amamo.application.ApplicationStatus;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Seed 002's public screens: 意見公募中プロジェクト (projects open for comment, where anyone may
 * comment, see the review module) and 承認プロジェクト一覧 (certified projects, with their calculation sheets).
 */
@Controller
class PublicProjectController {

    static final int LIST_MAX = 200;

    private final ApplicationRepository applications;
    private final Programmes programmes;

    PublicProjectController(ApplicationRepository applications, Programmes programmes) {
        this.applications = applications;
        this.programmes = programmes;
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
}
