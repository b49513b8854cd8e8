package org.amamo.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.QualityAssessment;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityOutcome;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An assigned reviewer assesses each criterion of the Core Carbon Principles during the committee's review: meets,
 * does not meet or not applicable, each with a reason. The reviewer gives all criteria at once, and may give them
 * again until certification (during the review and public comment); anyone else is refused and nothing changes.
 */
@Service
class QualityAssessmentService {

    /** A reason, as long as a holder's contribution. */
    static final int REASON_MAX = 2000;

    /**
     * The states in which a reviewer assesses: during the review and during public comment, when a comment may change
     * the committee's view; certification then reads the assessments as they stand.
     */
    static final Set<ApplicationStatus> ASSESSABLE =
            EnumSet.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.PUBLIC_COMMENT);

    private final Applications applications;
    private final ReviewRepository reviews;
    private final Clock clock;

    QualityAssessmentService(Applications applications, ReviewRepository reviews, Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** What a reviewer gives for one criterion, as typed: the outcome's name and the reason. */
    record Given(String outcome, String reason) {}

    /**
     * Records the reviewer's assessments, by criterion code ({@code additionality} ...). Refused as FORBIDDEN for
     * anyone but an assigned reviewer, CONFLICT outside the review, INVALID (per field {@code outcome-CODE} and
     * {@code reason-CODE}) for a criterion without an outcome or a reason.
     */
    @Transactional
    Outcome<Void> assess(AmamoPrincipal actor, long id, Map<String, Given> given) {
        Outcome<Void> allowed = mayAssess(actor, id);
        if (allowed.refused()) {
            return allowed;
        }
        Instant now = clock.instant();
        List<Refusal> refusals = new ArrayList<>();
        List<QualityAssessment> assessments = new ArrayList<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            Given one = given.getOrDefault(criterion.code(), new Given(null, null));
            QualityOutcome outcome = outcome(one.outcome());
            if (outcome == null) {
                refusals.add(Refusal.of("outcome-" + criterion.code(), "quality.assessment.outcome.required"));
            }
            String reason = one.reason() == null ? "" : one.reason().strip();
            if (reason.isEmpty() || reason.length() > REASON_MAX) {
                refusals.add(
                        Refusal.of("reason-" + criterion.code(), "quality.assessment.reason.required", REASON_MAX));
            }
            if (outcome != null && !reason.isEmpty()) {
                assessments.add(new QualityAssessment(actor.userId(), criterion, outcome, reason, now));
            }
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        applications.recordQualityAssessments(id, actor.userId(), assessments);
        return Outcome.done();
    }

    /** An assigned reviewer, during the review or public comment. */
    private Outcome<Void> mayAssess(AmamoPrincipal actor, long id) {
        ApplicationUnderReview application = applications.lock(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (!actor.has(Role.REVIEWER) || !reviews.reviewerIds(id).contains(actor.userId())) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "workflow.not-yours", "REVIEW"));
        }
        if (!ASSESSABLE.contains(application.status())) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of(
                            "$",
                            "workflow.wrong-state",
                            "REVIEW",
                            application.status().name()));
        }
        return Outcome.done();
    }

    private static QualityOutcome outcome(String name) {
        if (name == null) {
            return null;
        }
        for (QualityOutcome outcome : QualityOutcome.values()) {
            if (outcome.name().equals(name.strip())) {
                return outcome;
            }
        }
        return null;
    }
}
