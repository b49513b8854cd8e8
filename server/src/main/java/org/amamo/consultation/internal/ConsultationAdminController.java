package org.amamo.consultation.internal;

import org.amamo.consultation.ConsultationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The secretariat's 事前相談一覧 (seed 002): every consultation, newest activity first, by status and text. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class ConsultationAdminController {

    private final ConsultationService consultations;

    ConsultationAdminController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/secretariat/consultations")
    String list(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam(required = false) ConsultationStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        Outcome<ConsultationService.Listing> listing = consultations.list(user, false, status, q, page, null);
        model.addAttribute("listing", listing.isDone() ? listing.value() : ConsultationService.Listing.empty());
        model.addAttribute("refusals", listing.refusals());
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ConsultationStatus.values());
        return "consultation/admin-list";
    }
}
