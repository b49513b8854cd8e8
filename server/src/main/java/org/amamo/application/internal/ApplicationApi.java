package org.amamo.application.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ApplicationSummary;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the application workflow: the applicant's drafts and moves, and the public list of
 * certified projects. The same service and rules as the pages; refusals come back as HTTP 4xx with
 * one message per field.
 */
@ApiController("/api/v1")
@Tag(name = "Applications")
class ApplicationApi {

    private final DraftService drafts;
    private final SubmissionService submissions;
    private final Parties parties;
    private final ApplicationRepository applications;
    private final CertificationRecord record;
    private final org.amamo.programme.Programmes programmes;
    private final CertifiedUncertainty uncertainty;
    private final SurveyStore surveys;

    ApplicationApi(
            DraftService drafts,
            SubmissionService submissions,
            Parties parties,
            ApplicationRepository applications,
            CertificationRecord record,
            org.amamo.programme.Programmes programmes,
            CertifiedUncertainty uncertainty,
            SurveyStore surveys) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.parties = parties;
        this.applications = applications;
        this.record = record;
        this.programmes = programmes;
        this.uncertainty = uncertainty;
        this.surveys = surveys;
    }

    /** A new draft's name, at most {@value ApplicationForm#NAME_MAX} characters. */
    record NewApplication(
            @Size(max = ApplicationForm.NAME_MAX, message = "{validation.size.max}")
            String name) {}

    /** A workflow move's comment (required to return or reject). */
    record MoveRequest(String comment) {}

    @GetMapping("/applications")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "The applications the user made or joins")
    List<ApplicationSummary> mine(@AuthenticationPrincipal AmamoPrincipal user) {
        return applications.ownedOrJoinedBy(user.userId()).stream()
                .map(StoredApplication::summary)
                .toList();
    }

    @PostMapping("/applications")
    @PreAuthorize("hasRole('APPLICANT')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Start a new project with a draft application")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "The name is too long; nothing is stored")
    ResponseEntity<ApplicationSummary> create(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @RequestBody(required = false) NewApplication request) {
        long id = drafts.create(user, request == null ? null : request.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(applications.find(id).orElseThrow().summary());
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "One application: the parties see it always, the public once it is open for comment")
    ApplicationSummary show(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return visible(user, id).summary();
    }

    @GetMapping("/applications/{id}/uncertainty-band")
    @Operation(
            summary = "The informative uncertainty band of a certified application's sheet: Monte Carlo percentiles of"
                    + " the net (t-CO2) from the sheet's stated uncertainties and its methodology version's published"
                    + " coefficient ranges; the certified figure is certifiedUnits. Same figures as the methodology"
                    + " CLI's uncertainty command on the frozen sheet, with its default samples and seed")
    @ApiResponse(responseCode = "200", description = "The band (uncertainInputs 0: nothing uncertain, no spread)")
    @ApiResponse(
            responseCode = "404",
            description = "No such application visible to the caller, not certified, or certified before its sheet's"
                    + " inputs were frozen")
    CertifiedUncertainty.CertifiedBand uncertaintyBand(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return uncertainty.of(visible(user, id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/applications/{id}/form")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "The application form's contents")
    ApplicationForm form(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        StoredApplication application = visible(user, id);
        if (parties.relations(user, application).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return applications.loadForm(id);
    }

    @PutMapping("/applications/{id}/form")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Save the draft's form (owner and joint applicants, while draft or returned)")
    ApplicationForm save(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody ApplicationForm form) {
        drafts.save(user, id, form).orThrow();
        return applications.loadForm(id);
    }

    @PostMapping("/applications/{id}/actions/{action}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Take a workflow step: SUBMIT, RETURN, RESUBMIT, START_REVIEW, CERTIFY, REJECT, WITHDRAW")
    ApplicationSummary move(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @PathVariable WorkflowAction action,
            @RequestBody(required = false) MoveRequest request) {
        submissions
                .move(user, id, action, request == null ? null : request.comment())
                .orThrow();
        return applications.find(id).orElseThrow().summary();
    }

    /**
     * One entry of the certification record: the application's public fields, then (added with the record) the
     * certification day in Japan, the implementer, the credit type and the programme; then (issue 22) the quality
     * record: the rules it was submitted under, the statements on the Core Carbon Principles and the assessments;
     * then (added with the survey record, seed 002) the implementer type, the survey methods of its area
     * components, their latest survey date and the basis types of their coefficients (null and empty lists: not
     * recorded).
     */
    record ApprovedProject(
            long id,
            String projectCode,
            String name,
            String prefecture,
            ApplicationStatus status,
            String methodologyVersion,
            java.math.BigDecimal siteAreaHectares,
            Long certifiedUnits,
            String certifiedVersion,
            java.time.Instant certifiedAt,
            String certifiedSheet,
            java.time.LocalDate certifiedOn,
            String implementer,
            String creditType,
            String programmeCode,
            org.amamo.application.QualityRecord quality,
            org.amamo.application.ImplementerType implementerType,
            List<org.amamo.application.SurveyMethod> surveyMethods,
            java.time.LocalDate lastSurveyOn,
            List<org.amamo.application.CoefficientBasisType> coefficientBases) {}

    @GetMapping("/projects/approved")
    @Operation(
            summary = "Certified projects (承認プロジェクト一覧, the certification record) with their frozen calculation"
                    + " sheets; sort=date|quantity, order=desc|asc (default date, desc)")
    List<ApprovedProject> approved(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order) {
        CertificationRecord.Order chosen =
                CertificationRecord.order(sort, order).orThrow();
        java.util.Map<Long, org.amamo.application.ProjectSurvey> surveyed = surveys.certified();
        return record.list(programmes.known(programme), chosen, PublicProjectController.LIST_MAX).stream()
                .map(project -> {
                    org.amamo.application.ProjectSurvey survey = surveyed.getOrDefault(
                            project.applicationId(),
                            new org.amamo.application.ProjectSurvey(
                                    project.applicationId(), null, List.of(), null, List.of()));
                    ApplicationSummary summary = applications
                            .find(project.applicationId())
                            .orElseThrow()
                            .summary();
                    return new ApprovedProject(
                            summary.id(),
                            summary.projectCode(),
                            summary.name(),
                            summary.prefecture(),
                            summary.status(),
                            summary.methodologyVersion(),
                            summary.siteAreaHectares(),
                            summary.certifiedUnits(),
                            summary.certifiedVersion(),
                            summary.certifiedAt(),
                            summary.certifiedSheet(),
                            project.certifiedOn(),
                            project.implementer(),
                            project.creditType(),
                            project.programmeCode(),
                            project.quality(),
                            survey.implementerType(),
                            survey.surveyMethods(),
                            survey.lastSurveyOn(),
                            survey.coefficientBases());
                })
                .toList();
    }

    private StoredApplication visible(AmamoPrincipal user, long id) {
        StoredApplication application =
                applications.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Parties.canView(parties.relations(user, application), application)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return application;
    }
}
