package org.amamo.review.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.amamo.application.ApplicationSummary;
import org.amamo.application.Applications;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The review's workflow steps in the REST API, under the same path as the application's own steps
 * ({@code /applications/{id}/actions/{action}}): starting the review and the committee's decision.
 */
@ApiController("/api/v1")
@Tag(name = "Applications")
class ReviewApi {

    private final CommitteeService committee;
    private final CertificationService certification;
    private final Applications applications;

    ReviewApi(CommitteeService committee, CertificationService certification, Applications applications) {
        this.committee = committee;
        this.certification = certification;
        this.applications = applications;
    }

    /** A workflow move's comment (required to reject). */
    record MoveRequest(String comment) {}

    @PostMapping("/applications/{id}/actions/START_REVIEW")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Start the committee's review (the secretariat, once a reviewer is assigned)")
    ApplicationSummary startReview(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestBody(required = false) MoveRequest request) {
        committee.startReview(user, id, comment(request)).orThrow();
        return applications.summary(id);
    }

    @PostMapping("/applications/{id}/actions/CERTIFY")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Certify for the committee (an assigned reviewer, after public comment)")
    ApplicationSummary certify(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestBody(required = false) MoveRequest request) {
        certification.certify(user, id, comment(request)).orThrow();
        return applications.summary(id);
    }

    @PostMapping("/applications/{id}/actions/REJECT")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Reject for the committee, with the reason (an assigned reviewer)")
    ApplicationSummary reject(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestBody(required = false) MoveRequest request) {
        certification.reject(user, id, comment(request)).orThrow();
        return applications.summary(id);
    }

    private static String comment(MoveRequest request) {
        return request == null ? null : request.comment();
    }
}
