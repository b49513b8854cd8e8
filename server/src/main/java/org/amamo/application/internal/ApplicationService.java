package org.amamo.application.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amamo.application.ApplicationCertified;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.ConsultationSummary;
import org.amamo.consultation.Consultations;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.GeodesicArea;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.methodology.geometry.SurveyTrackImport;
import org.amamo.platform.Refusal;
import org.amamo.platform.SchemeTime;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application workflow: drafts, submission, the secretariat's checks, the hearing, the committee's
 * review, public comment and certification. Every move is checked by {@link Workflow}, recorded as a
 * transition and announced to the users it concerns. Refusals come back as values and change nothing.
 */
@Service
class ApplicationService {

    static final String DEFAULT_METHODOLOGY = "jbe-2.3";
    /** How many of the owner's consultations the form offers to link. */
    static final int LINKABLE_CONSULTATIONS = 50;

    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final SheetCalculation calculation;
    private final Notifications notifications;
    private final UserDirectory users;
    private final AttachmentStore attachments;
    private final ApplicationEventPublisher events;
    private final Programmes programmes;
    private final Consultations consultations;
    private final ObjectMapper json;
    private final Clock clock;

    ApplicationService(
            ApplicationRepository applications,
            ReviewRepository reviews,
            SheetCalculation calculation,
            Notifications notifications,
            UserDirectory users,
            AttachmentStore attachments,
            ApplicationEventPublisher events,
            Programmes programmes,
            Consultations consultations,
            ObjectMapper json,
            Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.calculation = calculation;
        this.notifications = notifications;
        this.users = users;
        this.attachments = attachments;
        this.events = events;
        this.programmes = programmes;
        this.consultations = consultations;
        this.json = json;
        this.clock = clock;
    }

    /** Starts a new project with a draft application owned by the actor. */
    @Transactional
    long create(AmamoPrincipal actor, String name) {
        String projectName = name == null || name.isBlank() ? "" : name.strip();
        long project = applications.insertProject(projectName, actor.userId(), clock.instant());
        return applications.insertApplication(
                project, null, actor.userId(), projectName, DEFAULT_METHODOLOGY, clock.instant());
    }

    /**
     * Starts a new project from one of the actor's pre-consultations: the draft takes the consultation's title and
     * prefecture and is linked to it, so the secretariat reads the advice beside the application.
     */
    @Transactional
    Created createFromConsultation(AmamoPrincipal actor, long consultationId) {
        Optional<Refusal> refusal = consultationRefusal(consultationId, actor.userId());
        if (refusal.isPresent()) {
            return new Created(null, List.of(refusal.get()));
        }
        ConsultationSummary consultation = consultations.find(consultationId).orElseThrow();
        long id = create(actor, consultation.title());
        ApplicationForm form = applications.loadForm(id);
        form.setConsultationId(consultationId);
        form.setPrefecture(consultation.prefecture());
        applications.saveForm(id, form, resolve(form), null, clock.instant());
        return new Created(id, List.of());
    }

    /** Continuation (継続申請): a new draft of the same project, its form copied from a certified application. */
    @Transactional
    Created continueFrom(AmamoPrincipal actor, long previousId) {
        StoredApplication previous = applications.find(previousId).orElse(null);
        if (previous == null || previous.ownerId() != actor.userId()) {
            return new Created(null, List.of(Refusal.of("$", "application.not-found")));
        }
        if (previous.status() != ApplicationStatus.CERTIFIED) {
            return new Created(null, List.of(Refusal.of("$", "application.continue.not-certified")));
        }
        ApplicationForm form = applications.loadForm(previousId);
        form.setConsultationId(null); // a new year's application follows its own consultation, if any
        long id = applications.insertApplication(
                previous.projectId(),
                previousId,
                actor.userId(),
                previous.name(),
                previous.methodologyVersion(),
                clock.instant());
        applications.saveForm(id, form, resolve(form), previous.siteAreaHectares(), clock.instant());
        return new Created(id, List.of());
    }

    /** A new application's id, or why it was not created. */
    record Created(Long id, List<Refusal> refusals) {}

    @Transactional(readOnly = true)
    Optional<StoredApplication> find(long id) {
        return applications.find(id);
    }

    /** How the actor stands to the application; empty for the public. */
    @Transactional(readOnly = true)
    Set<Relation> relations(AmamoPrincipal actor, StoredApplication application) {
        Set<Relation> relations = EnumSet.noneOf(Relation.class);
        if (actor == null) {
            return relations;
        }
        if (application.ownerId() == actor.userId()) {
            relations.add(Relation.OWNER);
        }
        if (applications.jointApplicantUserIds(application.id()).contains(actor.userId())) {
            relations.add(Relation.JOINT_APPLICANT);
        }
        if (actor.isSecretariat()) {
            relations.add(Relation.SECRETARIAT);
        }
        if (actor.has(Role.REVIEWER)
                && reviews.reviews(application.id()).stream()
                        .anyMatch(review -> review.reviewerId() == actor.userId())) {
            relations.add(Relation.ASSIGNED_REVIEWER);
        }
        return relations;
    }

    /** Applicants, the secretariat and assigned reviewers see everything; the public sees public states. */
    boolean canView(Set<Relation> relations, StoredApplication application) {
        return !relations.isEmpty() || application.status().isPublic();
    }

    /** Saves the draft. Wrong fields are refused (nothing saved); missing ones are fine until submission. */
    @Transactional
    List<Refusal> save(AmamoPrincipal actor, long id, ApplicationForm form) {
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return List.of(Refusal.of("$", "application.not-found"));
        }
        Set<Relation> relations = relations(actor, application);
        if (!relations.contains(Relation.OWNER) && !relations.contains(Relation.JOINT_APPLICANT)) {
            return List.of(Refusal.of("$", "application.edit.not-yours"));
        }
        if (!application.status().editableByApplicant()) {
            return List.of(Refusal.of(
                    "$", "application.edit.wrong-state", application.status().name()));
        }
        ResolvedPeople people = resolve(form);
        List<Refusal> refusals = new ArrayList<>(Completeness.wrongFields(form, people));
        refusals.addAll(programmeRules(form, application));
        consultationRefusal(form.getConsultationId(), application.ownerId()).ifPresent(refusals::add);
        BigDecimal area = null;
        if (form.getSiteGeojson() != null && !form.getSiteGeojson().isBlank()) {
            Verdict<BigDecimal> measured = GeodesicArea.hectares(form.getSiteGeojson());
            if (measured instanceof Verdict.Rejected<BigDecimal> rejected) {
                refusals.addAll(MethodologyMessages.siteRefusals(rejected.errors()));
            } else {
                area = ((Verdict.Accepted<BigDecimal>) measured).value();
            }
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        applications.saveForm(id, form, people, area, clock.instant());
        return List.of();
    }

    /**
     * Replaces the draft's site with one uploaded as GeoJSON, or as a closed survey track in GPX or KML
     * (seed 001: the survey walked the bed's edge with a GPS logger), converted to GeoJSON.
     */
    @Transactional
    List<Refusal> replaceSite(AmamoPrincipal actor, long id, String fileText) {
        String text = fileText == null ? "" : fileText.strip();
        Verdict<SiteGeometry> site = text.startsWith("{") ? GeoJsonSites.parse(text) : SurveyTrackImport.fromXml(text);
        if (site instanceof Verdict.Rejected<SiteGeometry> rejected) {
            return MethodologyMessages.siteRefusals(rejected.errors());
        }
        ApplicationForm form = applications.loadForm(id);
        form.setSiteGeojson(GeoJsonSites.write(((Verdict.Accepted<SiteGeometry>) site).value()));
        return save(actor, id, form);
    }

    /**
     * The programme must exist and accept the sheet's methodology version (issue 8); a form that names no
     * version keeps the application's.
     */
    /**
     * An application may name only a pre-consultation its owner opened (and not one they withdrew): the link tells
     * the secretariat which advice the application follows.
     */
    private Optional<Refusal> consultationRefusal(Long consultationId, long ownerId) {
        if (consultationId == null) {
            return Optional.empty();
        }
        Optional<ConsultationSummary> consultation =
                consultations.find(consultationId).filter(found -> found.applicantId() == ownerId);
        if (consultation.isEmpty()) {
            return Optional.of(Refusal.of("consultationId", "application.consultation.not-yours"));
        }
        if (consultation.get().status() == ConsultationStatus.WITHDRAWN) {
            return Optional.of(Refusal.of("consultationId", "application.consultation.withdrawn"));
        }
        return Optional.empty();
    }

    /** The consultations the owner may link the application to, newest first. */
    @Transactional(readOnly = true)
    List<ConsultationSummary> linkableConsultations(long ownerId) {
        return consultations.openedBy(ownerId, LINKABLE_CONSULTATIONS).stream()
                .filter(found -> found.status() != ConsultationStatus.WITHDRAWN)
                .toList();
    }

    /** The consultation the application follows, for those who may read it: its applicant and the secretariat. */
    @Transactional(readOnly = true)
    Optional<ConsultationSummary> linkedConsultation(Set<Relation> relations, ApplicationForm form) {
        if (form.getConsultationId() == null
                || !relations.contains(Relation.OWNER) && !relations.contains(Relation.SECRETARIAT)) {
            return Optional.empty();
        }
        return consultations.find(form.getConsultationId());
    }

    private List<Refusal> programmeRules(ApplicationForm form, StoredApplication application) {
        if (form.getSheet().getMethodologyVersion() == null
                || form.getSheet().getMethodologyVersion().isBlank()) {
            form.getSheet().setMethodologyVersion(application.methodologyVersion());
        }
        Programme programme = programmes.find(form.getProgrammeCode()).orElse(null);
        if (programme == null) {
            return List.of(Refusal.of("programmeCode", "application.programme.unknown"));
        }
        String version = form.getSheet().getMethodologyVersion();
        if (!programme.accepts(version)) {
            return List.of(Refusal.of(
                    "sheet.methodologyVersion",
                    "application.methodology.not-accepted",
                    version,
                    programme.nameJa(),
                    String.join(", ", programme.acceptedVersions())));
        }
        return List.of();
    }

    /** Everything a submission lacks now: the form's fields, the evidence and the CO2 form. */
    @Transactional(readOnly = true)
    List<Refusal> completeness(StoredApplication application) {
        ApplicationForm form = applications.loadForm(application.id());
        ResolvedPeople people = resolve(form);
        List<Refusal> refusals = new ArrayList<>(Completeness.wrongFields(form, people));
        refusals.addAll(Completeness.missingFields(
                form,
                people,
                attachments.hasEvidence(application.id(), form.getSheet().reduction() ? "BASELINE" : "AREA_BASIS")));
        Verdict<CalculationResult> result = calculation.calculate(form.getSheet(), applicationDate(application));
        if (result instanceof Verdict.Rejected<CalculationResult> rejected) {
            refusals.addAll(SheetCalculation.refusals(rejected.errors()));
        }
        return refusals;
    }

    /** The day the application counts as made: its first submission, or today for a draft. */
    LocalDate applicationDate(StoredApplication application) {
        Instant at = application.submittedAt() == null ? clock.instant() : application.submittedAt();
        return LocalDate.ofInstant(at, SchemeTime.ZONE);
    }

    /** Takes a workflow move that needs nothing but a comment. */
    @Transactional
    List<Refusal> move(AmamoPrincipal actor, long id, WorkflowAction action, String comment) {
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return List.of(Refusal.of("$", "application.not-found"));
        }
        List<Refusal> refusals =
                new ArrayList<>(Workflow.check(action, application.status(), relations(actor, application), comment));
        if (refusals.isEmpty()) {
            refusals.addAll(preconditions(action, application));
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        if (action == WorkflowAction.CERTIFY) {
            refusals.addAll(certify(application));
            if (!refusals.isEmpty()) {
                return refusals;
            }
        }
        if (action == WorkflowAction.SUBMIT || action == WorkflowAction.RESUBMIT) {
            applications.markSubmitted(id, clock.instant());
        }
        transition(actor, application, action, comment);
        return List.of();
    }

    private List<Refusal> preconditions(WorkflowAction action, StoredApplication application) {
        return switch (action) {
            case SUBMIT, RESUBMIT -> completeness(application);
            case START_REVIEW ->
                reviews.reviews(application.id()).isEmpty()
                        ? List.of(Refusal.of("$", "review.reviewers.required"))
                        : List.of();
            case CERTIFY ->
                application.commentClosesAt() != null && clock.instant().isBefore(application.commentClosesAt())
                        ? List.of(Refusal.of("$", "review.comment-window.still-open"))
                        : List.of();
            default -> List.of();
        };
    }

    /**
     * The secretariat confirms the application fee (申請手数料) was paid, with the invoice reference. The amount owed
     * under the programme's rule is recorded with it, so that a later change of the rule leaves it as charged.
     */
    @Transactional
    List<Refusal> confirmFee(AmamoPrincipal actor, long id, String invoice) {
        if (invoice == null || invoice.isBlank() || invoice.strip().length() > 100) {
            return List.of(Refusal.of("invoice", "application.fee.invoice-required"));
        }
        Optional<ApplicationFee> fee = applications.find(id).flatMap(this::feeOwed);
        List<Refusal> refusals = move(actor, id, WorkflowAction.CONFIRM_FEE, invoice.strip());
        if (refusals.isEmpty()) {
            // Submission required a sheet that calculates, and the sheet cannot change until it is returned.
            BigDecimal amount = fee.orElseThrow(() -> new IllegalStateException("submitted sheet does not calculate"))
                    .amountYen();
            applications.recordFee(id, invoice.strip(), amount);
        }
        return refusals;
    }

    /**
     * The fee owed under the application's programme's rule for the credit of its sheet as it stands; empty while
     * the sheet does not calculate.
     */
    @Transactional(readOnly = true)
    Optional<ApplicationFee> feeOwed(StoredApplication application) {
        Programme programme = programmes.find(application.programmeCode()).orElse(null);
        if (programme == null) {
            return Optional.empty();
        }
        ApplicationForm form = applications.loadForm(application.id());
        Verdict<CalculationResult> result = calculation.calculate(form.getSheet(), applicationDate(application));
        return result instanceof Verdict.Accepted<CalculationResult> accepted
                ? Optional.of(
                        ApplicationFee.of(programme.fee(), accepted.value().creditUnits()))
                : Optional.empty();
    }

    /** The secretariat records the on-site hearing (現地ヒアリング). */
    @Transactional
    List<Refusal> recordHearing(AmamoPrincipal actor, long id, LocalDate heldOn, String place, String record) {
        List<Refusal> refusals = new ArrayList<>();
        if (heldOn == null || heldOn.isAfter(LocalDate.now(clock.withZone(SchemeTime.ZONE)))) {
            refusals.add(Refusal.of("heldOn", "hearing.date.invalid"));
        }
        if (place == null || place.isBlank() || place.length() > 200) {
            refusals.add(Refusal.of("place", "validation.required"));
        }
        if (record == null || record.isBlank() || record.length() > ApplicationForm.TEXT_MAX) {
            refusals.add(Refusal.of("record", "validation.required"));
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        refusals.addAll(move(actor, id, WorkflowAction.RECORD_HEARING, null));
        if (refusals.isEmpty()) {
            applications.recordHearing(id, heldOn, place.strip(), record.strip());
        }
        return refusals;
    }

    /**
     * The secretariat assigns a reviewer to the committee for this application. Only a member of the review
     * committee of the application's programme may be assigned, and a reviewer of the applicant's organisation or
     * of a joint applicant's organisation may not review it.
     */
    @Transactional
    List<Refusal> assignReviewer(AmamoPrincipal actor, long id, long reviewerId) {
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return List.of(Refusal.of("$", "application.not-found"));
        }
        if (!actor.isSecretariat()) {
            return List.of(Refusal.of("$", "workflow.not-yours", "ASSIGN_REVIEWER"));
        }
        EnumSet<ApplicationStatus> assignable = EnumSet.of(
                ApplicationStatus.FEE_CONFIRMED, ApplicationStatus.HEARING_DONE, ApplicationStatus.IN_REVIEW);
        if (!assignable.contains(application.status())) {
            return List.of(Refusal.of(
                    "$",
                    "workflow.wrong-state",
                    "ASSIGN_REVIEWER",
                    application.status().name()));
        }
        UserSummary reviewer = users.find(reviewerId).orElse(null);
        if (reviewer == null || !reviewer.enabled() || !reviewer.roles().contains(Role.REVIEWER)) {
            return List.of(Refusal.of("reviewerId", "review.reviewer.not-a-reviewer"));
        }
        if (reviewer.organisationId() != null
                && applicantOrganisations(application).contains(reviewer.organisationId())) {
            return List.of(Refusal.of("reviewerId", "review.reviewer.conflict"));
        }
        if (applications.jointApplicantUserIds(id).contains(reviewerId) || reviewerId == application.ownerId()) {
            return List.of(Refusal.of("reviewerId", "review.reviewer.conflict"));
        }
        if (!programmes.onCommittee(application.programmeCode(), reviewerId)) {
            return List.of(Refusal.of("reviewerId", "review.reviewer.not-on-committee", application.programmeCode()));
        }
        if (reviews.assign(id, reviewerId)) {
            notifications.send(List.of(reviewerId), "notification.review-assigned", application.name(), link(id));
        }
        return List.of();
    }

    /** The reviewers the secretariat may choose for the application: enabled members of its programme's committee. */
    List<UserSummary> reviewerCandidates(StoredApplication application) {
        List<Long> committee = programmes.committee(application.programmeCode());
        return users.withRole(Role.REVIEWER).stream()
                .filter(UserSummary::enabled)
                .filter(user -> committee.contains(user.userId()))
                .toList();
    }

    private Set<Long> applicantOrganisations(StoredApplication application) {
        Set<Long> organisations = new java.util.HashSet<>();
        List<Long> people = new ArrayList<>(applications.jointApplicantUserIds(application.id()));
        people.add(application.ownerId());
        for (long userId : people) {
            users.find(userId).map(UserSummary::organisationId).ifPresent(organisations::add);
        }
        return organisations;
    }

    /** An assigned reviewer records findings and certainty per component (during committee review). */
    @Transactional
    List<Refusal> recordReview(
            AmamoPrincipal actor, long id, String findings, Map<String, Map<String, String>> scores) {
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return List.of(Refusal.of("$", "application.not-found"));
        }
        if (!relations(actor, application).contains(Relation.ASSIGNED_REVIEWER)) {
            return List.of(Refusal.of("$", "workflow.not-yours", "REVIEW"));
        }
        if (application.status() != ApplicationStatus.IN_REVIEW) {
            return List.of(Refusal.of(
                    "$", "workflow.wrong-state", "REVIEW", application.status().name()));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (findings == null || findings.isBlank() || findings.length() > ApplicationForm.TEXT_MAX) {
            refusals.add(Refusal.of("findings", "validation.required"));
        }
        refusals.addAll(Certainty.check(componentMethods(application), scores));
        if (!refusals.isEmpty()) {
            return refusals;
        }
        reviews.record(id, actor.userId(), findings.strip(), write(scores), clock.instant());
        return List.of();
    }

    /** Component id to method, over every crediting year of the application's CO2 form. */
    Map<String, String> componentMethods(StoredApplication application) {
        return componentMethods(applications.loadForm(application.id()).getSheet());
    }

    /** Component id to method, over every crediting year of a sheet. */
    static Map<String, String> componentMethods(SheetForm sheet) {
        Map<String, String> methods = new LinkedHashMap<>();
        for (SheetForm.YearForm year : sheet.getYears()) {
            for (SheetForm.ComponentForm component : year.getComponents()) {
                methods.putIfAbsent(component.getId(), component.getMethod());
            }
        }
        return methods;
    }

    /** The secretariat opens public comment (意見公募) once every reviewer has recorded certainty. */
    @Transactional
    List<Refusal> openPublicComment(AmamoPrincipal actor, long id, Instant opens, Instant closes) {
        if (opens == null || closes == null || !closes.isAfter(opens)) {
            return List.of(Refusal.of("closesAt", "review.comment-window.invalid"));
        }
        StoredApplication application = applications.find(id).orElse(null);
        if (application == null) {
            return List.of(Refusal.of("$", "application.not-found"));
        }
        boolean unscored = reviews.reviews(id).stream().anyMatch(review -> !review.recorded());
        if (unscored) {
            return List.of(Refusal.of("$", "review.certainty.outstanding"));
        }
        List<Refusal> refusals = move(actor, id, WorkflowAction.OPEN_PUBLIC_COMMENT, null);
        if (refusals.isEmpty()) {
            applications.openCommentWindow(id, opens, closes);
        }
        return refusals;
    }

    /** Anyone, signed in or not, may comment while the window is open. */
    @Transactional
    List<Refusal> comment(long id, String authorName, String body) {
        StoredApplication application = applications.find(id).orElse(null);
        if (application == null) {
            return List.of(Refusal.of("$", "application.not-found"));
        }
        if (!application.commentWindowOpenAt(clock.instant())) {
            return List.of(Refusal.of("$", "comment.window.closed"));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (body == null || body.isBlank() || body.length() > Workflow.COMMENT_MAX) {
            refusals.add(Refusal.of("body", "comment.body.invalid", Workflow.COMMENT_MAX));
        }
        if (authorName != null && authorName.length() > 100) {
            refusals.add(Refusal.of("authorName", "application.text.too-long", 100));
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        reviews.comment(
                id,
                authorName == null || authorName.isBlank() ? null : authorName.strip(),
                body.strip(),
                clock.instant());
        List<Long> committee = reviews.reviews(id).stream()
                .map(ReviewRepository.Review::reviewerId)
                .toList();
        notifications.send(committee, "notification.comment-posted", application.name(), link(id));
        return List.of();
    }

    /**
     * Freezes the certified quantity: the methodology result of the application's CO2 form with the
     * committee's certainty, with the methodology version it used, and hands it to the registry.
     */
    private List<Refusal> certify(StoredApplication application) {
        SheetForm sheet = applications.loadForm(application.id()).getSheet();
        List<Map<String, Map<String, String>>> scores = new ArrayList<>();
        for (ReviewRepository.Review review : reviews.reviews(application.id())) {
            if (review.recorded()) {
                scores.add(read(review.certaintyJson()));
            }
        }
        Certainty.apply(sheet, Certainty.committee(scores));
        Verdict<CalculationResult> outcome = calculation.calculate(sheet, applicationDate(application));
        if (outcome instanceof Verdict.Rejected<CalculationResult> rejected) {
            return SheetCalculation.refusals(rejected.errors());
        }
        CalculationResult result = ((Verdict.Accepted<CalculationResult>) outcome).value();
        if (result.creditUnits() < 1) {
            return List.of(Refusal.of("$", "review.certify.no-credit"));
        }
        applications.certify(
                application.id(),
                result.creditUnits(),
                applications.sheetJson(sheet),
                SheetCalculation.json(result),
                result.methodologyVersion(),
                clock.instant());
        List<ApplicationCertified.InitialHolder> holders = applications.holders(application.id()).stream()
                .map(holder ->
                        new ApplicationCertified.InitialHolder(holder.userId(), holder.name(), holder.sharePercent()))
                .toList();
        LocalDate lastYear = result.years().get(result.years().size() - 1).start();
        Programme programme = programmes.find(application.programmeCode()).orElseThrow();
        events.publishEvent(new ApplicationCertified(
                application.id(),
                application.projectId(),
                application.projectCode(),
                application.name(),
                programme.serialPrefix(),
                programme.certifier(),
                fiscalYear(lastYear),
                result.methodologyVersion(),
                result.type().jsonName(),
                result.creditUnits(),
                holders));
        return List.of();
    }

    /** Japan's fiscal year starts on 1 April: 2024-03-31 belongs to fiscal 2023. */
    static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    private void transition(
            AmamoPrincipal actor, StoredApplication application, WorkflowAction action, String comment) {
        applications.setStatus(application.id(), action.to(), clock.instant());
        applications.recordTransition(
                application.id(), action, application.status(), actor.userId(), comment, clock.instant());
        List<Long> concerned = new ArrayList<>(applications.jointApplicantUserIds(application.id()));
        concerned.add(application.ownerId());
        reviews.reviews(application.id()).forEach(review -> concerned.add(review.reviewerId()));
        if (action == WorkflowAction.SUBMIT || action == WorkflowAction.RESUBMIT) {
            users.withRole(Role.SECRETARIAT).forEach(user -> concerned.add(user.userId()));
        }
        concerned.remove(actor.userId());
        notifications.send(
                concerned, "notification.moved." + action.to().name(), application.name(), link(application.id()));
    }

    static String link(long applicationId) {
        return "/applications/" + applicationId;
    }

    /** Resolves the form's e-mail addresses to registered users and parses the shares. */
    ResolvedPeople resolve(ApplicationForm form) {
        List<Long> joints = form.getJointApplicants().stream()
                .map(joint -> users.findByEmail(joint.getEmail())
                        .map(UserSummary::userId)
                        .orElse(null))
                .toList();
        List<Long> holderIds = form.getHolders().stream()
                .map(holder -> users.findByEmail(holder.getEmail())
                        .map(UserSummary::userId)
                        .orElse(null))
                .toList();
        List<BigDecimal> shares = form.getHolders().stream()
                .map(holder -> parse(holder.getSharePercent()))
                .toList();
        return new ResolvedPeople(joints, holderIds, shares);
    }

    private static BigDecimal parse(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private String write(Map<String, Map<String, String>> scores) {
        try {
            return json.writeValueAsString(scores);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certainty scores are always writable", e);
        }
    }

    private Map<String, Map<String, String>> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Map<String, String>>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored certainty is not readable", e);
        }
    }
}
