package org.amamo.consultation.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Flash;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's consultations (list, new, withdraw) and the thread page that the applicant and the
 * secretariat share (read, post a message, close). An outsider gets 404 for a consultation, so that its
 * existence is not revealed either.
 */
@Controller
class ConsultationController {

    private final ConsultationService consultations;

    ConsultationController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/consultations")
    @PreAuthorize("hasRole('APPLICANT')")
    String mine(
            @AuthenticationPrincipal AmamoPrincipal user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute(
                "listing",
                consultations.list(user, true, null, null, page, null).orThrow());
        return "consultation/mine";
    }

    @GetMapping("/consultations/new")
    @PreAuthorize("hasRole('APPLICANT')")
    String newForm(Model model) {
        model.addAttribute("form", new ConsultationForm());
        return form(model);
    }

    @PostMapping("/consultations")
    @PreAuthorize("hasRole('APPLICANT')")
    String open(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @ModelAttribute("form") ConsultationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model);
        }
        Outcome<Long> opened = consultations.open(user, form.draft());
        if (FormErrors.reject(binding, opened)) {
            return form(model);
        }
        redirect.addFlashAttribute("flash", "consultation.opened");
        return "redirect:/consultations/" + opened.value();
    }

    @GetMapping("/consultations/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Model model) {
        return thread(user, id, model);
    }

    @PostMapping("/consultations/{id}/messages")
    @PreAuthorize("hasAnyRole('APPLICANT', 'SECRETARIAT', 'ADMINISTRATOR')")
    String post(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("message") MessageForm message,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            FormErrors.reject(binding, FormErrors.found(consultations.post(id, user, message.getBody())));
        }
        if (binding.hasErrors()) {
            return thread(user, id, model);
        }
        redirect.addFlashAttribute("flash", "consultation.posted");
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    String withdraw(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Confirmation confirmation = Confirmation.of("consultation.withdraw.confirm", "/consultations/" + id)
                .line("confirm.irreversible");
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        return Flash.redirect(
                "/consultations/" + id,
                FormErrors.found(consultations.withdraw(id, user)),
                "consultation.withdrawn",
                redirect);
    }

    @PostMapping("/secretariat/consultations/{id}/close")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String close(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("closing") ClosingForm closing,
            BindingResult binding,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Confirmation confirmation = Confirmation.of("consultation.close.confirm", "/consultations/" + id)
                .line("confirm.consultation.close.effect");
        if (!binding.hasErrors() && !confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        if (!binding.hasErrors()) {
            FormErrors.reject(binding, FormErrors.found(consultations.close(id, user, closing.getNote())));
        }
        if (binding.hasErrors()) {
            return thread(user, id, model);
        }
        redirect.addFlashAttribute("flash", "consultation.closed");
        return "redirect:/consultations/" + id;
    }

    private String form(Model model) {
        model.addAttribute("prefectures", Prefectures.CODES);
        model.addAttribute("ecosystems", Ecosystems.KEYS);
        return "consultation/new";
    }

    /** The thread page, keeping a rejected message or closing form with its errors. */
    private String thread(AmamoPrincipal user, long id, Model model) {
        ConsultationDetail consultation =
                consultations.visibleTo(id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("consultation", consultation);
        model.addAttribute(
                "party",
                Party.of(user, consultation.applicantId()).orElseThrow().name());
        if (!model.containsAttribute("message")) {
            model.addAttribute("message", new MessageForm());
        }
        if (!model.containsAttribute("closing")) {
            model.addAttribute("closing", new ClosingForm());
        }
        return "consultation/show";
    }
}
