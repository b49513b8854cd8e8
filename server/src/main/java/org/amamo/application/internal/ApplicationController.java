package org.amamo.application.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programmes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The application's pages: the applicant's list, the form, the application page with its workflow
 * actions for each party, attachments. Rules live in {@link DraftService} and {@link SubmissionService}; this
 * class only maps requests to them and refusals to messages. The review's actions are the review module's.
 */
@Controller
class ApplicationController {

    /** The refusals of a submission, flashed to the form that shows them. */
    private static final String SUBMIT_REFUSALS = "submitRefusals";

    private final DraftService drafts;
    private final SubmissionService submissions;
    private final Parties parties;
    private final ApplicationRepository applications;
    private final ApplicationPage page;
    private final AttachmentStore attachments;
    private final SheetCalculation calculation;
    private final Programmes programmes;
    private final MessageSource messages;

    ApplicationController(
            DraftService drafts,
            SubmissionService submissions,
            Parties parties,
            ApplicationRepository applications,
            ApplicationPage page,
            AttachmentStore attachments,
            SheetCalculation calculation,
            Programmes programmes,
            MessageSource messages) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.parties = parties;
        this.applications = applications;
        this.page = page;
        this.attachments = attachments;
        this.calculation = calculation;
        this.programmes = programmes;
        this.messages = messages;
    }

    @GetMapping("/applications")
    @PreAuthorize("isAuthenticated()")
    String mine(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        model.addAttribute("applications", applications.ownedOrJoinedBy(user.userId()));
        return "application/mine";
    }

    @PostMapping("/applications")
    @PreAuthorize("hasRole('APPLICANT')")
    String create(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long consultation,
            RedirectAttributes redirect) {
        if (consultation == null) {
            if (name != null && name.strip().length() > ApplicationForm.NAME_MAX) {
                redirect.addFlashAttribute(
                        "refusals", List.of(Refusal.of("name", "application.text.too-long", ApplicationForm.NAME_MAX)));
                return "redirect:/applications";
            }
            return "redirect:/applications/" + drafts.create(user, name) + "/edit";
        }
        Outcome<Long> created = drafts.createFromConsultation(user, consultation);
        if (created.refused()) {
            redirect.addFlashAttribute("refusals", created.refusals());
            return "redirect:/applications";
        }
        return "redirect:/applications/" + created.value() + "/edit";
    }

    @GetMapping("/applications/{id}")
    String show(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Model model) {
        Viewed viewed = viewed(user, id);
        page.fill(model, viewed.application(), viewed.relations(), user == null ? null : user.userId());
        return "application/show";
    }

    @GetMapping("/applications/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String edit(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Model model) {
        StoredApplication application = editable(user, id);
        ApplicationForm form = applications.loadForm(id);
        model.addAttribute("form", form);
        BindingResult binding = new BeanPropertyBindingResult(form, "form");
        if (model.getAttribute(SUBMIT_REFUSALS) instanceof List<?> refused) {
            FormErrors.reject(binding, refused.stream().map(Refusal.class::cast).toList());
        } else {
            FormErrors.reject(binding, sheetErrors(form, application));
        }
        if (binding.hasErrors()) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
        }
        return editPage(model, application);
    }

    /**
     * What the methodology library refuses in the saved CO2 form, shown at each field (a draft may be saved
     * incomplete; submission then refuses these). A form without crediting years has nothing to check yet.
     */
    private List<Refusal> sheetErrors(ApplicationForm form, StoredApplication application) {
        if (!form.getSheet().getYears().isEmpty()
                && calculation.calculate(form.getSheet(), submissions.applicationDate(application))
                        instanceof org.amamo.methodology.Verdict.Rejected<?> rejected) {
            return SheetCalculation.refusals(rejected.errors());
        }
        return List.of();
    }

    /**
     * Saves the draft. The row buttons ({@code add=plant}, {@code remove=holder:1} ...) change the form's
     * rows and show it again, unsaved, so that the applicant can keep typing.
     */
    @PostMapping("/applications/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String save(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("form") ApplicationForm form,
            BindingResult binding,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) String remove,
            Model model,
            RedirectAttributes redirect) {
        StoredApplication application = editable(user, id);
        if (add != null || remove != null) {
            FormRows.change(form, add, remove);
            return editPage(model, application);
        }
        if (binding.hasErrors()) {
            return editPage(model, application);
        }
        if (FormErrors.reject(binding, drafts.save(user, id, form))) {
            return editPage(model, application);
        }
        redirect.addFlashAttribute("flash", "application.saved");
        return "redirect:/applications/" + id + "/edit";
    }

    private String editPage(Model model, StoredApplication application) {
        if (model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form") instanceof BindingResult binding
                && binding.hasFieldErrors()) {
            model.addAttribute("problems", FormProblems.of(binding, messages, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("app", application);
        model.addAttribute("attachments", attachments.list(application.id()));
        model.addAttribute("purposes", AttachmentStore.PURPOSES);
        model.addAttribute("categories", List.copyOf(new java.util.TreeSet<>(Completeness.CATEGORIES)));
        model.addAttribute("ecosystems", List.of("seagrass", "seaweed", "tidal-flat", "mangrove", "seaweed-farm"));
        model.addAttribute("formulas", List.of("area", "farm-biomass", "rope-length"));
        model.addAttribute("removalMethods", Completeness.REMOVAL_METHODS);
        model.addAttribute("reductionMethods", Completeness.REDUCTION_METHODS);
        model.addAttribute("reductionFuels", List.of("diesel", "heavy-oil-a", "gasoline", "lng"));
        model.addAttribute("prefectures", org.amamo.platform.Prefectures.CODES);
        model.addAttribute("coBenefits", Completeness.CO_BENEFITS);
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("consultations", drafts.linkableConsultations(application.ownerId()));
        model.addAttribute("versions", org.amamo.methodology.table.MethodologyTables.VERSIONS);
        model.addAttribute("fuels", List.of("gasoline", "diesel", "heavy-oil-a"));
        model.addAttribute(
                "areaEcosystems", List.of("seagrass", "mangrove", "sargassum", "kelp", "eisenia", "tidal-flat"));
        return "application/edit";
    }

    /** The live net of the CO2 form as the applicant types (htmx): the same library as certification. */
    @PostMapping("/applications/{id}/calculate")
    @PreAuthorize("isAuthenticated()")
    String calculate(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("form") ApplicationForm form,
            Model model) {
        StoredApplication application = editable(user, id);
        if (form.getSheet().getMethodologyVersion() == null
                || form.getSheet().getMethodologyVersion().isBlank()) {
            form.getSheet().setMethodologyVersion(application.methodologyVersion());
        }
        ApplicationPage.result(model, calculation.calculate(form.getSheet(), submissions.applicationDate(application)));
        return "application/fragments :: result";
    }

    /** What the site in the form measures, or why it cannot be read, as the applicant draws or pastes it (htmx). */
    @PostMapping("/applications/{id}/site/check")
    @PreAuthorize("isAuthenticated()")
    String checkSite(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String siteGeojson,
            Model model) {
        editable(user, id);
        Outcome<java.math.BigDecimal> area = drafts.measureSite(siteGeojson);
        model.addAttribute("siteArea", area.value());
        model.addAttribute("siteRefusals", area.refusals());
        return "application/fragments :: site-check";
    }

    /**
     * Attaches a file. A refused file (too large, empty, of another type, with an unusable name, one too many) is
     * an error at the file field of the edit page shown again, with the purpose the applicant chose still chosen.
     */
    @PostMapping("/applications/{id}/attachments")
    @PreAuthorize("isAuthenticated()")
    String upload(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam String purpose,
            @RequestParam("file") MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        StoredApplication application = editable(user, id);
        Outcome<Void> outcome = file.getSize() > AttachmentStore.MAX_BYTES
                ? Outcome.refused(
                        RefusalKind.INVALID,
                        Refusal.of("file", "upload.too-large", AttachmentStore.MAX_BYTES / (1024 * 1024)))
                : attachments.store(id, user.userId(), purpose, file.getOriginalFilename(), file.getBytes());
        if (outcome.refused()) {
            model.addAttribute("form", applications.loadForm(id));
            model.addAttribute("attachmentPurpose", purpose);
            model.addAttribute("attachmentRefusals", outcome.refusals());
            return editPage(model, application);
        }
        redirect.addFlashAttribute("flash", "attachment.stored");
        return "redirect:/applications/" + id + "/edit";
    }

    /** The site as a file: GeoJSON, or a closed GPS survey track in GPX or KML. */
    @PostMapping("/applications/{id}/site")
    @PreAuthorize("isAuthenticated()")
    String uploadSite(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        editable(user, id);
        Outcome<Void> outcome = file.getSize() > AttachmentStore.MAX_BYTES
                ? Outcome.refused(
                        RefusalKind.INVALID,
                        Refusal.of("file", "upload.too-large", AttachmentStore.MAX_BYTES / (1024 * 1024)))
                : drafts.replaceSite(user, id, new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8));
        flash(redirect, outcome, "application.site.uploaded");
        return "redirect:/applications/" + id + "/edit";
    }

    @GetMapping("/applications/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @PathVariable long attachmentId) {
        visible(user, id);
        AttachmentStore.Content content = attachments
                .content(id, attachmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content.bytes());
    }

    @PostMapping("/applications/{id}/actions/{action}")
    @PreAuthorize("isAuthenticated()")
    String move(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @PathVariable WorkflowAction action,
            @RequestParam(required = false) String comment,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (action == WorkflowAction.WITHDRAW) {
            // Withdrawal ends the application for good: asked once more, with what it names.
            StoredApplication application = visible(user, id);
            Confirmation confirmation = Confirmation.of("confirm.withdraw", "/applications/" + id)
                    .line("confirm.review.project", application.name(), application.projectCode())
                    .line("confirm.withdraw.effect");
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        Outcome<Void> moved = submissions.move(user, id, action, comment);
        if (refusedAtFields(action, moved)) {
            redirect.addFlashAttribute(SUBMIT_REFUSALS, moved.refusals());
            return "redirect:/applications/" + id + "/edit";
        }
        flash(redirect, moved, "workflow.moved." + action.name());
        return "redirect:/applications/" + id;
    }

    /**
     * A submission refused for what the form holds: the applicant is taken back to the form, which lists every
     * problem by its field's label and marks the fields.
     */
    private static boolean refusedAtFields(WorkflowAction action, Outcome<Void> moved) {
        return (action == WorkflowAction.SUBMIT || action == WorkflowAction.RESUBMIT)
                && moved.kind() == RefusalKind.INVALID
                && moved.refusals().stream().anyMatch(refusal -> !"$".equals(refusal.field()));
    }

    @PostMapping("/applications/{id}/fee")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String confirmFee(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String invoice,
            RedirectAttributes redirect) {
        flash(redirect, submissions.confirmFee(user, id, invoice), "workflow.moved.CONFIRM_FEE");
        return "redirect:/applications/" + id;
    }

    @PostMapping("/applications/{id}/continue")
    @PreAuthorize("hasRole('APPLICANT')")
    String continueProject(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        Outcome<Long> created = drafts.continueFrom(user, id);
        if (created.refused()) {
            redirect.addFlashAttribute("refusals", created.refusals());
            return "redirect:/applications/" + id;
        }
        redirect.addFlashAttribute("flash", "application.continued");
        return "redirect:/applications/" + created.value() + "/edit";
    }

    /** An application the user may see, with how they stand to it; 404 for anything else. */
    private record Viewed(StoredApplication application, Set<Relation> relations) {}

    private Viewed viewed(AmamoPrincipal user, long id) {
        StoredApplication application =
                applications.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Set<Relation> relations = parties.relations(user, application);
        if (!Parties.canView(relations, application)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new Viewed(application, relations);
    }

    private StoredApplication visible(AmamoPrincipal user, long id) {
        return viewed(user, id).application();
    }

    private StoredApplication editable(AmamoPrincipal user, long id) {
        Viewed viewed = viewed(user, id);
        StoredApplication application = viewed.application();
        Set<Relation> relations = viewed.relations();
        if (!Parties.applicant(relations)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!application.status().editableByApplicant()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return application;
    }

    private static void flash(RedirectAttributes redirect, Outcome<?> outcome, String success) {
        if (outcome.isDone()) {
            redirect.addFlashAttribute("flash", success);
        } else {
            redirect.addFlashAttribute("refusals", outcome.refusals());
        }
    }
}
