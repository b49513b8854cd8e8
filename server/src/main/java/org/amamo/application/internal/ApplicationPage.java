package org.amamo.application.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ReviewPanel;
import org.amamo.claim.CertifiedBatchNames;
import org.amamo.claim.ClaimConflict;
import org.amamo.claim.ClaimRegister;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts together what the application page shows, for whoever is looking. */
@Component
class ApplicationPage {

    /** Above this relative difference between drawn and declared area the page warns (seed 003 checks). */
    static final BigDecimal AREA_WARNING = new BigDecimal("0.10");

    private final DraftService drafts;
    private final SubmissionService submissions;
    private final ApplicationRepository applications;
    private final ApplicationPort port;
    private final ReviewPanel reviewPanel;
    private final AttachmentStore attachments;
    private final SheetCalculation calculation;
    private final ClaimRegister claims;
    private final ObjectMapper json;
    private final TakeoverService takeovers;
    private final CertifiedBatchNames batchNames;
    private final ProceedsService proceeds;
    private final CertifiedUncertainty uncertainty;
    private final QualitySection quality;

    private final java.time.Clock clock;

    ApplicationPage(
            DraftService drafts,
            SubmissionService submissions,
            ApplicationRepository applications,
            ApplicationPort port,
            ReviewPanel reviewPanel,
            AttachmentStore attachments,
            SheetCalculation calculation,
            ClaimRegister claims,
            ObjectMapper json,
            TakeoverService takeovers,
            CertifiedBatchNames batchNames,
            ProceedsService proceeds,
            CertifiedUncertainty uncertainty,
            QualitySection quality,
            java.time.Clock clock) {
        this.clock = clock;
        this.drafts = drafts;
        this.submissions = submissions;
        this.applications = applications;
        this.port = port;
        this.reviewPanel = reviewPanel;
        this.attachments = attachments;
        this.calculation = calculation;
        this.claims = claims;
        this.json = json;
        this.takeovers = takeovers;
        this.batchNames = batchNames;
        this.proceeds = proceeds;
        this.uncertainty = uncertainty;
        this.quality = quality;
    }

    /** One of the project's earlier certifications: the application, its crediting figures and its batch. */
    record EarlierCertification(long applicationId, java.time.Instant certifiedAt, Long certifiedUnits, String batch) {

        /** The certified quantity in t-CO2 (units of 0.1 t). */
        public BigDecimal tonnes() {
            return certifiedUnits == null ? null : BigDecimal.valueOf(certifiedUnits, 1);
        }
    }

    /** The project's certified applications before this one, oldest first, each with the batch it was issued as. */
    private List<EarlierCertification> earlierCertifications(StoredApplication application) {
        return applications.certifiedOfProject(application.projectId()).stream()
                .filter(earlier -> earlier.id() < application.id())
                .map(earlier -> new EarlierCertification(
                        earlier.id(),
                        earlier.certifiedAt(),
                        earlier.certifiedUnits(),
                        batchNames.batchOf(earlier.id()).orElse(null)))
                .toList();
    }

    void fill(Model model, StoredApplication application, Set<Relation> relations, Long viewerId) {
        ApplicationForm form = applications.loadForm(application.id());
        model.addAttribute("app", application);
        model.addAttribute("form", form);
        List<ProjectOwner> owners = takeovers.ownersOf(application.projectId());
        boolean projectOwner = viewerId != null && owners.get(owners.size() - 1).userId() == viewerId;
        ApplicationActions actions = ApplicationActions.of(application.status(), relations, projectOwner);
        java.time.Instant now = clock.instant();
        boolean windowOpen = application.commentOpensAt() != null
                && !now.isBefore(application.commentOpensAt())
                && (application.commentClosesAt() == null || now.isBefore(application.commentClosesAt()));
        // Public comment is taken only inside its window: a start set later is honoured.
        model.addAttribute("actions", actions.comment() && !windowOpen ? actions.withoutComment() : actions);
        model.addAttribute(
                "commentNotYetOpen",
                application.status() == ApplicationStatus.PUBLIC_COMMENT
                        && application.commentOpensAt() != null
                        && now.isBefore(application.commentOpensAt()));
        model.addAttribute("owners", owners);
        model.addAttribute("proceeds", proceeds.ofProject(application.projectId()));
        model.addAttribute("proceedsLink", projectOwner && application.status() == ApplicationStatus.CERTIFIED);
        model.addAttribute("earlierCertifications", earlierCertifications(application));
        model.addAttribute("attachments", attachments.list(application.id()));
        drafts.linkedConsultation(relations, form).ifPresent(found -> model.addAttribute("consultation", found));
        boolean insider = !relations.isEmpty();
        model.addAttribute("insider", insider);
        if (insider) {
            model.addAttribute("transitions", applications.transitions(application.id()));
            model.addAttribute("takeovers", takeovers.decidedOf(application.projectId()));
            if (application.status() == ApplicationStatus.SUBMITTED) {
                submissions.feeOwed(application).ifPresent(fee -> model.addAttribute("feeOwed", fee));
            }
        }
        reviewPanel.fill(
                model,
                port.find(application.id()).orElseThrow(),
                new ReviewPanel.Viewer(
                        insider,
                        relations.contains(Relation.SECRETARIAT),
                        relations.contains(Relation.ASSIGNED_REVIEWER)));
        if (insider) {
            List<ClaimConflict> conflicts = application.status().editableByApplicant()
                    ? claims.conflicts(ClaimDrafts.of(application, form))
                    : claims.conflictsOf(application.id());
            model.addAttribute("conflicts", conflicts);
            model.addAttribute("overlapGeojson", overlapGeojson(conflicts));
            model.addAttribute("secretariat", relations.contains(Relation.SECRETARIAT));
        }
        model.addAttribute("determinations", claims.determinationsOfProject(application.projectId()));
        model.addAttribute("areaWarning", areaWarning(application, form));
        model.addAttribute("sheetInputs", SheetInputs.of(form.getSheet()));
        model.addAttribute("sheetType", form.getSheet().reduction() ? "reduction" : "removal");
        fillResult(model, application, form);
        quality.fill(model, application, relations, viewerId);
    }

    /** The shared areas of the conflicts as one GeoJSON FeatureCollection, to draw on the site map; null if none. */
    static String overlapGeojson(List<ClaimConflict> conflicts) {
        List<String> features = conflicts.stream()
                .map(ClaimConflict::intersectionGeojson)
                .filter(java.util.Objects::nonNull)
                .map(geometry -> "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + geometry + "}")
                .toList();
        return features.isEmpty()
                ? null
                : "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private void fillResult(Model model, StoredApplication application, ApplicationForm form) {
        if (application.status() == ApplicationStatus.CERTIFIED) {
            model.addAttribute("certifiedSheet", application.certifiedResult());
            model.addAttribute(
                    "certified",
                    CertifiedSheetView.of(
                            json, applications.certifiedSheet(application.id()), application.certifiedResult()));
            model.addAttribute("band", uncertainty.of(application).orElse(null));
            return;
        }
        Verdict<CalculationResult> outcome =
                calculation.calculate(form.getSheet(), submissions.applicationDate(application));
        result(model, outcome);
    }

    static void result(Model model, Verdict<CalculationResult> outcome) {
        if (outcome instanceof Verdict.Accepted<CalculationResult> accepted) {
            model.addAttribute("result", accepted.value());
        } else {
            model.addAttribute("sheetErrors", ((Verdict.Rejected<CalculationResult>) outcome).errors());
        }
    }

    /**
     * The drawn site's geodesic area beside the declared area of the area-method components of the last
     * crediting year: the relative difference when it exceeds 10%, else null.
     */
    static BigDecimal areaWarning(StoredApplication application, ApplicationForm form) {
        BigDecimal drawn = application.siteAreaHectares();
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        if (drawn == null || drawn.signum() == 0 || years.isEmpty()) {
            return null;
        }
        BigDecimal declared = BigDecimal.ZERO;
        for (SheetForm.ComponentForm component : years.get(years.size() - 1).getComponents()) {
            if ("area".equals(component.getMethod()) && component.getAreaHa() != null) {
                try {
                    declared = declared.add(new BigDecimal(component.getAreaHa().strip()));
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
        }
        if (declared.signum() == 0) {
            return null;
        }
        BigDecimal difference = declared.subtract(drawn).abs().divide(drawn, 4, RoundingMode.HALF_UP);
        return difference.compareTo(AREA_WARNING) > 0 ? difference : null;
    }
}
