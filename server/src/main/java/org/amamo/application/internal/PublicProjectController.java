package org.amamo.application.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.amamo.application.ApplicationStatus;
import org.amamo.platform.Outcome;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
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
    private final CertificationRecord record;

    private final java.time.Clock clock;

    PublicProjectController(
            ApplicationRepository applications,
            Programmes programmes,
            CertificationRecord record,
            java.time.Clock clock) {
        this.clock = clock;
        this.applications = applications;
        this.programmes = programmes;
        this.record = record;
    }

    @GetMapping("/projects/public-comment")
    String openForComment(@RequestParam(required = false) String programme, Model model) {
        listed(model, ApplicationStatus.PUBLIC_COMMENT, programme);
        // Only windows that have started: a window set to open later is not yet open for comment.
        java.time.Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<StoredApplication> listed = (List<StoredApplication>) model.getAttribute("applications");
        model.addAttribute(
                "applications",
                listed.stream()
                        .filter(application ->
                                application.commentOpensAt() == null || !now.isBefore(application.commentOpensAt()))
                        .toList());
        return "application/public-comment";
    }

    /**
     * The certification record: certification date, implementer, credit type and quantity, sorted by {@code sort}
     * ({@code date} or {@code quantity}) and {@code order} ({@code desc} or {@code asc}). A bad value is shown at its
     * field (status 400) with the record in its default order.
     */
    @GetMapping("/projects/approved")
    String approved(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order,
            Model model,
            HttpServletResponse response) {
        String code = programmes.known(programme);
        Outcome<CertificationRecord.Order> sorted = CertificationRecord.order(sort, order);
        if (sorted.refused()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusals", sorted.refusals());
        }
        CertificationRecord.Order chosen = sorted.refused() ? CertificationRecord.Order.DEFAULT : sorted.value();
        model.addAttribute("projects", record.list(code, chosen, LIST_MAX));
        model.addAttribute("order", chosen);
        model.addAttribute("programme", code);
        model.addAttribute("programmes", programmes.all());
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
