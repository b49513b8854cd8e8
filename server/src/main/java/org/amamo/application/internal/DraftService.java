package org.amamo.application.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.claim.ClaimRegister;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.ConsultationSummary;
import org.amamo.consultation.Consultations;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.GeodesicArea;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.methodology.geometry.SurveyTrackImport;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicants' drafts: a new project's first draft (from nothing, or from a pre-consultation), a continuation
 * of a certified one, and saving the form. Wrong fields are refused and nothing is saved; missing ones are fine
 * until submission.
 */
@Service
class DraftService {

    static final String DEFAULT_METHODOLOGY = "jbe-2.3-ranges";
    /** How many of the owner's consultations the form offers to link. */
    static final int LINKABLE_CONSULTATIONS = 50;

    private final ApplicationRepository applications;
    private final Parties parties;
    private final UserDirectory users;
    private final Programmes programmes;
    private final Consultations consultations;
    private final ClaimRegister claims;
    private final TakeoverStore takeovers;
    private final Clock clock;

    DraftService(
            ApplicationRepository applications,
            Parties parties,
            UserDirectory users,
            Programmes programmes,
            Consultations consultations,
            ClaimRegister claims,
            TakeoverStore takeovers,
            Clock clock) {
        this.applications = applications;
        this.parties = parties;
        this.users = users;
        this.programmes = programmes;
        this.consultations = consultations;
        this.claims = claims;
        this.takeovers = takeovers;
        this.clock = clock;
    }

    /** Starts a new project with a draft application owned by the actor; returns the application's id. */
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
    Outcome<Long> createFromConsultation(AmamoPrincipal actor, long consultationId) {
        Optional<Refusal> refusal = consultationRefusal(consultationId, actor.userId());
        if (refusal.isPresent()) {
            boolean withdrawn =
                    "application.consultation.withdrawn".equals(refusal.get().messageKey());
            return Outcome.refused(withdrawn ? RefusalKind.CONFLICT : RefusalKind.FORBIDDEN, refusal.get());
        }
        ConsultationSummary consultation = consultations.find(consultationId).orElseThrow();
        long id = create(actor, consultation.title());
        ApplicationForm form = applications.loadForm(id);
        form.setConsultationId(consultationId);
        form.setPrefecture(consultation.prefecture());
        applications.saveForm(id, form, resolve(form), null, clock.instant());
        return Outcome.done(id);
    }

    /**
     * Continuation (継続申請): a new draft of the same project, its form copied from one of its applications. Only
     * the project's current owner continues it (after a take-over, the new owner), from a certified application or
     * from the project's latest application when that was rejected or withdrawn, and only while no other
     * application of the project is in progress.
     */
    @Transactional
    Outcome<Long> continueFrom(AmamoPrincipal actor, long previousId) {
        StoredApplication previous = applications.find(previousId).orElse(null);
        TakeoverStore.Project project = previous == null
                ? null
                : takeovers.lockProject(previous.projectId()).orElse(null);
        if (project == null || project.ownerId() != actor.userId()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        boolean latest = takeovers.latestApplication(project.id()).orElse(-1L) == previousId;
        boolean continuable = previous.status() == ApplicationStatus.CERTIFIED
                || latest && previous.status().isFinal();
        if (!continuable) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "application.continue.not-certified"));
        }
        if (takeovers.hasOpenApplication(project.id())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "takeover.continue.in-progress"));
        }
        ApplicationForm form = applications.loadForm(previousId);
        form.setConsultationId(null); // a new year's application follows its own consultation, if any
        proposeNextYear(form, claims.certifiedUntil(previous.projectId()));
        long id = applications.insertApplication(
                previous.projectId(),
                previousId,
                actor.userId(),
                previous.name(),
                previous.methodologyVersion(),
                clock.instant());
        applications.saveForm(id, form, resolve(form), previous.siteAreaHectares(), clock.instant());
        return Outcome.done(id);
    }

    /** Continues the project from its latest application (after a take-over, the new owner's first step). */
    @Transactional
    Outcome<Long> continueProject(AmamoPrincipal actor, long projectId) {
        Optional<Long> latest = takeovers.latestApplication(projectId);
        if (latest.isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        return continueFrom(actor, latest.get());
    }

    /**
     * A continuation proposes one crediting year: the first the project has not had certified (the day after its last
     * certified year ends), with the last year's components, baseline and vessels to update.
     */
    static void proposeNextYear(ApplicationForm form, Optional<LocalDate> certifiedUntil) {
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        if (years.isEmpty()) {
            return;
        }
        SheetForm.YearForm last = years.get(years.size() - 1);
        LocalDate next = certifiedUntil.orElse(
                last.getStart() == null ? null : last.getStart().plusYears(1));
        last.setStart(next);
        years.clear();
        years.add(last);
    }

    /** Saves the draft. Wrong fields are refused (nothing saved); missing ones are fine until submission. */
    @Transactional
    Outcome<Void> save(AmamoPrincipal actor, long id, ApplicationForm form) {
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (!Parties.applicant(parties.relations(actor, application))) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "application.edit.not-yours"));
        }
        if (!application.status().editableByApplicant()) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of(
                            "$",
                            "application.edit.wrong-state",
                            application.status().name()));
        }
        ResolvedPeople people = resolve(form);
        List<Refusal> refusals = new ArrayList<>(Completeness.wrongFields(form, people));
        refusals.addAll(
                SurveyChecks.wrongFields(form, LocalDate.now(clock.withZone(org.amamo.platform.SchemeTime.ZONE))));
        refusals.addAll(programmeRules(form, application));
        consultationRefusal(form.getConsultationId(), application.ownerId()).ifPresent(refusals::add);
        Outcome<BigDecimal> area = measureSite(form.getSiteGeojson());
        refusals.addAll(area.refusals());
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        applications.saveForm(id, form, people, area.value(), clock.instant());
        return Outcome.done();
    }

    /**
     * The geodesic area in hectares of a site given as GeoJSON (null for no site), or why it cannot be read: what
     * saving the form stores, and what the form shows at once as the applicant draws or pastes a site.
     */
    Outcome<BigDecimal> measureSite(String geojson) {
        if (geojson == null || geojson.isBlank()) {
            return Outcome.done(null);
        }
        Verdict<BigDecimal> measured = GeodesicArea.hectares(geojson);
        if (measured instanceof Verdict.Rejected<BigDecimal> rejected) {
            return Outcome.refused(RefusalKind.INVALID, MethodologyMessages.siteRefusals(rejected.errors()));
        }
        return Outcome.done(((Verdict.Accepted<BigDecimal>) measured).value());
    }

    /**
     * Replaces the draft's site with one uploaded as GeoJSON, or as a closed survey track in GPX or KML
     * (seed 001: the survey walked the bed's edge with a GPS logger), converted to GeoJSON.
     */
    @Transactional
    Outcome<Void> replaceSite(AmamoPrincipal actor, long id, String fileText) {
        String text = fileText == null ? "" : fileText.strip();
        Verdict<SiteGeometry> site = text.startsWith("{") ? GeoJsonSites.parse(text) : SurveyTrackImport.fromXml(text);
        if (site instanceof Verdict.Rejected<SiteGeometry> rejected) {
            return Outcome.refused(RefusalKind.INVALID, MethodologyMessages.siteRefusals(rejected.errors()));
        }
        ApplicationForm form = applications.loadForm(id);
        form.setSiteGeojson(GeoJsonSites.write(((Verdict.Accepted<SiteGeometry>) site).value()));
        return save(actor, id, form);
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

    /**
     * The programme must exist and accept the sheet's methodology version (issue 8); a form that names no
     * version keeps the application's.
     */
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

    /** Resolves the form's e-mail addresses to registered users and parses the shares. */
    ResolvedPeople resolve(ApplicationForm form) {
        List<Long> joints = form.getJointApplicants().stream()
                .map(joint -> userId(joint.getEmail()))
                .toList();
        List<Long> holderIds = form.getHolders().stream()
                .map(holder -> userId(holder.getEmail()))
                .toList();
        List<BigDecimal> shares = form.getHolders().stream()
                .map(holder -> parse(holder.getSharePercent()))
                .toList();
        return new ResolvedPeople(joints, holderIds, shares);
    }

    private Long userId(String email) {
        return users.findByEmail(email).map(UserSummary::userId).orElse(null);
    }

    private static BigDecimal parse(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
