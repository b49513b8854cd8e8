package org.amamo.review.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.ReviewStep;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee for one application: the secretariat assigns reviewers from the programme's review committee, under
 * the {@link ConflictOfInterest} rule, and starts the review once there is at least one.
 */
@Service
class CommitteeService {

    private final Applications applications;
    private final ReviewRepository reviews;
    private final UserDirectory users;
    private final Programmes programmes;

    CommitteeService(Applications applications, ReviewRepository reviews, UserDirectory users, Programmes programmes) {
        this.applications = applications;
        this.reviews = reviews;
        this.users = users;
        this.programmes = programmes;
    }

    /**
     * The secretariat assigns a reviewer to the committee for this application. Only an enabled reviewer on the
     * review committee of the application's programme may be assigned, and none in a conflict of interest; a
     * reviewer already assigned is refused at the field, and nothing changes.
     */
    @Transactional
    Outcome<Void> assignReviewer(AmamoPrincipal actor, long id, long reviewerId) {
        ApplicationUnderReview application = applications.lock(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (!actor.isSecretariat()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "workflow.not-yours", "ASSIGN_REVIEWER"));
        }
        if (!application.status().acceptsReviewers()) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of(
                            "$",
                            "workflow.wrong-state",
                            "ASSIGN_REVIEWER",
                            application.status().name()));
        }
        if (reviews.reviewerIds(id).contains(reviewerId)) {
            String name = users.find(reviewerId).map(UserSummary::displayName).orElse("#" + reviewerId);
            return Outcome.refused(
                    RefusalKind.CONFLICT, Refusal.of("reviewerId", "review.reviewer.already-assigned", name));
        }
        Outcome<Void> eligible = eligible(application, reviewerId);
        if (eligible.refused()) {
            return eligible;
        }
        if (reviews.assign(id, reviewerId)) {
            applications.notify(List.of(reviewerId), "notification.review-assigned", id);
        }
        return Outcome.done();
    }

    private Outcome<Void> eligible(ApplicationUnderReview application, long reviewerId) {
        UserSummary reviewer = users.find(reviewerId).orElse(null);
        if (reviewer == null || !reviewer.enabled() || !reviewer.roles().contains(Role.REVIEWER)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("reviewerId", "review.reviewer.not-a-reviewer"));
        }
        if (ConflictOfInterest.conflicts(reviewer, application, organisations(application))) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("reviewerId", "review.reviewer.conflict"));
        }
        if (!programmes.onCommittee(application.programmeCode(), reviewerId)) {
            return Outcome.refused(
                    RefusalKind.INVALID,
                    Refusal.of("reviewerId", "review.reviewer.not-on-committee", application.programmeCode()));
        }
        return Outcome.done();
    }

    /** The reviewers the secretariat may choose for the application: enabled members of its programme's committee. */
    @Transactional(readOnly = true)
    List<UserSummary> candidates(ApplicationUnderReview application) {
        List<Long> committee = programmes.committee(application.programmeCode());
        return users.withRole(Role.REVIEWER).stream()
                .filter(UserSummary::enabled)
                .filter(user -> committee.contains(user.userId()))
                .toList();
    }

    /** The secretariat starts the committee's review; refused as CONFLICT while no reviewer is assigned. */
    @Transactional
    Outcome<Void> startReview(AmamoPrincipal actor, long id, String comment) {
        applications.lock(id);
        Outcome<Void> allowed = applications.check(actor, id, ReviewStep.START_REVIEW, comment);
        if (allowed.refused()) {
            return allowed;
        }
        if (reviews.reviewerIds(id).isEmpty()) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "review.reviewers.required"));
        }
        return applications.move(actor, id, ReviewStep.START_REVIEW, comment);
    }

    private Set<Long> organisations(ApplicationUnderReview application) {
        Set<Long> organisations = new HashSet<>();
        for (long userId : application.applicantIds()) {
            users.find(userId).map(UserSummary::organisationId).ifPresent(organisations::add);
        }
        return organisations;
    }
}
