package org.amamo.review.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.springframework.boot.test.context.TestComponent;

/**
 * The review's services for tests of other packages (the application workflow's journey), which cannot name the
 * review's package-private services: each step as the service takes it, with its outcome. Import it with
 * {@code @Import(ReviewDriver.class)}.
 */
@TestComponent
public class ReviewDriver {

    private final HearingService hearings;
    private final CommitteeService committee;
    private final FindingsService findings;
    private final PublicCommentService comments;
    private final CertificationService certification;
    private final ReviewRepository reviews;
    private final QualityAssessmentService quality;

    ReviewDriver(
            HearingService hearings,
            CommitteeService committee,
            FindingsService findings,
            PublicCommentService comments,
            CertificationService certification,
            ReviewRepository reviews,
            QualityAssessmentService quality) {
        this.hearings = hearings;
        this.committee = committee;
        this.findings = findings;
        this.comments = comments;
        this.certification = certification;
        this.reviews = reviews;
        this.quality = quality;
    }

    /** The reviewer assesses every criterion of the Core Carbon Principles as met, with a reason. */
    public Outcome<Void> assessQualityAsMet(AmamoPrincipal reviewer, long id) {
        Map<String, QualityAssessmentService.Given> given = new java.util.HashMap<>();
        for (org.amamo.application.QualityCriterion criterion : org.amamo.application.QualityCriterion.values()) {
            given.put(criterion.code(), new QualityAssessmentService.Given("MEETS", "申請者の説明と証拠を確認した。"));
        }
        return quality.assess(reviewer, id, given);
    }

    public Outcome<Void> recordHearing(AmamoPrincipal actor, long id, LocalDate heldOn, String place, String record) {
        return hearings.recordHearing(actor, id, heldOn, place, record);
    }

    public Outcome<Void> assignReviewer(AmamoPrincipal actor, long id, long reviewerId) {
        return committee.assignReviewer(actor, id, reviewerId);
    }

    public Outcome<Void> startReview(AmamoPrincipal actor, long id) {
        return committee.startReview(actor, id, null);
    }

    public Outcome<Void> recordReview(
            AmamoPrincipal actor, long id, String text, Map<String, Map<String, String>> scores) {
        return findings.recordReview(actor, id, text, scores);
    }

    public Outcome<Void> openPublicComment(AmamoPrincipal actor, long id, Instant opens, Instant closes) {
        return comments.open(actor, id, opens, closes);
    }

    public Outcome<Void> comment(long id, String authorName, String body) {
        return comments.comment(id, authorName, body);
    }

    public Outcome<Void> certify(AmamoPrincipal actor, long id, String comment) {
        return certification.certify(actor, id, comment);
    }

    public Outcome<Void> reject(AmamoPrincipal actor, long id, String comment) {
        return certification.reject(actor, id, comment);
    }

    /** The user ids of the application's reviewers. */
    public List<Long> reviewerIds(long id) {
        return reviews.reviewerIds(id);
    }
}
