package org.amamo.review.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.QualityCriterion;
import org.amamo.application.ReviewStep;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Outcome;
import org.amamo.platform.SchemeTime;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * The review's actions on the application page: the hearing, reviewers, findings and certainty, public comment and
 * the committee's decision. Each redirects back to the application page with a message, or with the refusals.
 */
@Controller
class ReviewController {

    private final HearingService hearings;
    private final CommitteeService committee;
    private final FindingsService findings;
    private final PublicCommentService comments;
    private final CertificationService certification;
    private final QualityAssessmentService quality;
    private final Applications applications;

    ReviewController(
            HearingService hearings,
            CommitteeService committee,
            FindingsService findings,
            PublicCommentService comments,
            CertificationService certification,
            QualityAssessmentService quality,
            Applications applications) {
        this.hearings = hearings;
        this.committee = committee;
        this.findings = findings;
        this.comments = comments;
        this.certification = certification;
        this.quality = quality;
        this.applications = applications;
    }

    @PostMapping("/applications/{id}/hearing")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String recordHearing(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String record,
            RedirectAttributes redirect) {
        Outcome<Void> outcome = hearings.recordHearing(user, id, heldOn, place, record);
        return back(redirect, id, outcome, "workflow.moved.RECORD_HEARING");
    }

    @PostMapping("/applications/{id}/hearing/schedule")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String scheduleHearing(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
            @RequestParam(required = false) String venue,
            RedirectAttributes redirect) {
        Outcome<Void> outcome = hearings.scheduleHearing(user, id, date, time, venue);
        return back(redirect, id, outcome, "hearing.scheduled");
    }

    @PostMapping("/applications/{id}/reviewers")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String assignReviewer(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam long reviewerId,
            RedirectAttributes redirect) {
        return back(redirect, id, committee.assignReviewer(user, id, reviewerId), "review.reviewer.assigned");
    }

    @PostMapping("/applications/{id}/actions/START_REVIEW")
    @PreAuthorize("isAuthenticated()")
    String startReview(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Step step = new Step(user, id, ReviewStep.START_REVIEW, comment);
        return confirmed(step, request, model, redirect, () -> committee.startReview(user, id, comment));
    }

    @PostMapping("/applications/{id}/review")
    @PreAuthorize("hasRole('REVIEWER')")
    String recordReview(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String findings,
            @RequestParam(required = false) String preview,
            @RequestParam Map<String, String> parameters,
            RedirectAttributes redirect) {
        Map<String, Map<String, String>> scores = CertaintyParameters.read(parameters);
        if (preview != null) {
            // The credit these scores would give: nothing is recorded, the typed values come back with it.
            Outcome<Long> credit = this.findings.preview(user, id, scores);
            keep(redirect, findings, parameters);
            if (credit.isDone()) {
                redirect.addFlashAttribute("reviewPreviewUnits", credit.value());
                return "redirect:/applications/" + id + "#review-form";
            }
            return back(redirect, id, credit, "review.recorded");
        }
        Outcome<Void> outcome = this.findings.recordReview(user, id, findings, scores);
        if (outcome.refused()) {
            keep(redirect, findings, parameters);
        }
        return back(redirect, id, outcome, "review.recorded");
    }

    /** The review form's values as typed, for the form to show again after a refusal or a preview. */
    private static void keep(RedirectAttributes redirect, String findings, Map<String, String> parameters) {
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("findings", findings == null ? "" : findings);
        parameters.forEach((name, value) -> {
            if (name.startsWith("certainty[") && name.length() <= 150 && value != null) {
                typed.put(name, value.length() > 20 ? value.substring(0, 20) : value);
            }
        });
        redirect.addFlashAttribute("reviewTyped", typed);
    }

    /**
     * An assigned reviewer's assessment of the Core Carbon Principles: {@code outcome-CODE} and {@code reason-CODE}
     * per criterion ({@code outcome-additionality} ...).
     */
    @PostMapping("/applications/{id}/quality-assessment")
    @PreAuthorize("hasRole('REVIEWER')")
    String assessQuality(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            RedirectAttributes redirect) {
        Map<String, QualityAssessmentService.Given> given = new java.util.HashMap<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            given.put(
                    criterion.code(),
                    new QualityAssessmentService.Given(
                            parameters.get("outcome-" + criterion.code()),
                            parameters.get("reason-" + criterion.code())));
        }
        Outcome<Void> outcome = quality.assess(user, id, given);
        if (outcome.refused()) {
            redirect.addFlashAttribute("qualityTyped", typedAssessment(parameters));
        }
        return back(redirect, id, outcome, "quality.assessment.recorded");
    }

    /** The assessment as typed, for the form to show again after a refusal. */
    private static Map<String, String> typedAssessment(Map<String, String> parameters) {
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            for (String name : List.of("outcome-" + criterion.code(), "reason-" + criterion.code())) {
                String value = parameters.getOrDefault(name, "");
                typed.put(
                        name,
                        value.length() > QualityAssessmentService.REASON_MAX
                                ? value.substring(0, QualityAssessmentService.REASON_MAX)
                                : value);
            }
        }
        return typed;
    }

    @PostMapping("/applications/{id}/public-comment")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String openPublicComment(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Step step = new Step(user, id, ReviewStep.OPEN_PUBLIC_COMMENT, null);
        return confirmed(
                step,
                request,
                model,
                redirect,
                () -> comments.open(
                        user,
                        id,
                        opensAt == null ? null : opensAt.atZone(SchemeTime.ZONE).toInstant(),
                        closesAt == null
                                ? null
                                : closesAt.atZone(SchemeTime.ZONE).toInstant()));
    }

    /** Anyone, signed in or not, may comment while the window is open (seed 002, 意見公募). */
    @PostMapping("/projects/{id}/comments")
    String comment(
            @PathVariable long id,
            @RequestParam(required = false) String authorName,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        if (applications
                .find(id)
                .filter(application -> application.status().isPublic())
                .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return back(redirect, id, comments.comment(id, authorName, body), "comment.posted");
    }

    @PostMapping("/applications/{id}/actions/CERTIFY")
    @PreAuthorize("isAuthenticated()")
    String certify(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Step step = new Step(user, id, ReviewStep.CERTIFY, comment);
        return confirmed(
                step,
                request,
                model,
                redirect,
                () -> certification.certify(user, id, comment),
                () -> certification.check(user, id, comment));
    }

    @PostMapping("/applications/{id}/actions/REJECT")
    @PreAuthorize("isAuthenticated()")
    String reject(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Step step = new Step(user, id, ReviewStep.REJECT, comment);
        return confirmed(step, request, model, redirect, () -> certification.reject(user, id, comment));
    }

    /** A move of the review that cannot be undone, as asked for. */
    private record Step(AmamoPrincipal user, long id, ReviewStep move, String comment) {}

    /**
     * Takes an irreversible move only from the confirmation step: a first request that the workflow would allow
     * answers the confirmation page (project, applicants, what follows), one it would refuse goes back with why.
     */
    private String confirmed(
            Step step, HttpServletRequest request, Model model, RedirectAttributes redirect, Supplier<Outcome<?>> act) {
        return confirmed(
                step,
                request,
                model,
                redirect,
                act,
                () -> applications.check(step.user(), step.id(), step.move(), step.comment()));
    }

    /** As above, with the check the move's own rules make before the confirmation page. */
    private String confirmed(
            Step step,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect,
            Supplier<Outcome<?>> act,
            Supplier<Outcome<Void>> check) {
        String success = "workflow.moved." + step.move().name();
        ApplicationUnderReview application =
                applications.find(step.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Confirmation confirmation = confirmation(step.move(), application, request);
        if (confirmation.givenBy(request)) {
            return back(redirect, step.id(), act.get(), success);
        }
        Outcome<Void> allowed = check.get();
        if (allowed.refused()) {
            return back(redirect, step.id(), allowed, success);
        }
        return confirmation.page(request, model);
    }

    private static Confirmation confirmation(
            ReviewStep move, ApplicationUnderReview application, HttpServletRequest request) {
        String key = "confirm.review." + move.name();
        Confirmation confirmation = Confirmation.of(key, "/applications/" + application.id())
                .line("confirm.review.project", application.name(), application.projectCode())
                .line("confirm.review.applicants", application.applicantIds().size())
                .line(key + ".effect");
        if (move == ReviewStep.OPEN_PUBLIC_COMMENT) {
            confirmation.line("confirm.review.window", shown(request, "opensAt"), shown(request, "closesAt"));
        }
        return confirmation;
    }

    private static String shown(HttpServletRequest request, String parameter) {
        String value = request.getParameter(parameter);
        return value == null || value.isBlank() ? "—" : value.replace('T', ' ');
    }

    /** Back to the application page, with the success message or the refusals. */
    private static String back(RedirectAttributes redirect, long id, Outcome<?> outcome, String success) {
        if (outcome.isDone()) {
            redirect.addFlashAttribute("flash", success);
        } else {
            redirect.addFlashAttribute("refusals", outcome.refusals());
        }
        return "redirect:/applications/" + id;
    }
}
