package org.amamo.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.Applications;
import org.amamo.application.internal.ApplicationDriver;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The review's rules through its services, on a real database: the committee, certainty, public comment and the
 * decision, each refusal of the kind it is (INVALID input, FORBIDDEN to the wrong person, CONFLICT in the wrong
 * state) and changing nothing.
 */
@SpringBootTest
@Import({TestUsers.class, ApplicationDriver.class})
class ReviewWorkflowTest {

    @Autowired
    ApplicationDriver drafts;

    @Autowired
    Applications applications;

    @Autowired
    HearingService hearings;

    @Autowired
    CommitteeService committee;

    @Autowired
    FindingsService findings;

    @Autowired
    PublicCommentService comments;

    @Autowired
    CertificationService certification;

    @Autowired
    TestUsers users;

    @Autowired
    Clock clock;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;
    AmamoPrincipal reviewer;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
        reviewer = users.committeeReviewer(null);
    }

    long feeConfirmed() {
        return drafts.feeConfirmed(applicant, secretariat, "JBC", "jbe-2.3");
    }

    long inReview() {
        long id = feeConfirmed();
        ok(hearings.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "海の公園", "潜水調査の記録を確認"));
        ok(committee.assignReviewer(secretariat, id, reviewer.userId()));
        ok(committee.startReview(secretariat, id, null));
        return id;
    }

    static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }

    ApplicationStatus status(long id) {
        return applications.find(id).orElseThrow().status();
    }

    @Test
    void aReviewerOfTheApplicantsOrganisationCannotBeAssigned() {
        long id = feeConfirmed();
        AmamoPrincipal colleague = users.committeeReviewer(applicant.organisationId());
        Outcome<Void> conflict = committee.assignReviewer(secretariat, id, colleague.userId());
        assertThat(conflict.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(conflict.refusals()).extracting(Refusal::messageKey).containsExactly("review.reviewer.conflict");
        assertThat(committee.assignReviewer(secretariat, id, applicant.userId()).refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("review.reviewer.not-a-reviewer");
        assertThat(committee.assignReviewer(applicant, id, reviewer.userId()).kind())
                .isEqualTo(RefusalKind.FORBIDDEN);
        ok(committee.assignReviewer(secretariat, id, reviewer.userId()));
    }

    @Test
    void theReviewStartsOnlyWithAReviewerAndAfterTheHearing() {
        long id = feeConfirmed();
        assertThat(committee.startReview(secretariat, id, null).kind()).isEqualTo(RefusalKind.CONFLICT);
        ok(hearings.recordHearing(secretariat, id, LocalDate.now(clock), "海の公園", "記録"));
        Outcome<Void> alone = committee.startReview(secretariat, id, null);
        assertThat(alone.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(alone.refusals()).extracting(Refusal::messageKey).containsExactly("review.reviewers.required");
        assertThat(status(id)).isEqualTo(ApplicationStatus.HEARING_DONE);
        assertThat(committee.startReview(applicant, id, null).kind()).isEqualTo(RefusalKind.FORBIDDEN);
        assertThat(committee.startReview(secretariat, 999_999_999L, null).kind())
                .isEqualTo(RefusalKind.NOT_FOUND);
    }

    @Test
    void aHearingInTheFutureOrWithoutPlaceIsRefusedAndChangesNothing() {
        long id = feeConfirmed();
        Outcome<Void> refused =
                hearings.recordHearing(secretariat, id, LocalDate.now(clock).plusDays(1), " ", "記録");
        assertThat(refused.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(refused.refusals()).extracting(Refusal::field).containsExactly("heldOn", "place");
        assertThat(status(id)).isEqualTo(ApplicationStatus.FEE_CONFIRMED);
    }

    @Test
    void certaintyMustBeGivenForEveryFactorInsideZeroToOne() {
        long id = inReview();
        assertThat(findings.recordReview(reviewer, id, "所見", Map.of("eelgrass", Map.of("areaCertainty", "1.2")))
                        .refusals())
                .extracting(Refusal::field)
                .containsExactly("certainty[eelgrass][areaCertainty]", "certainty[eelgrass][coefficientCertainty]");
        assertThat(findings.recordReview(
                                reviewer,
                                id,
                                "所見",
                                Map.of("eelgrass", Map.of("areaCertainty", "0.905", "coefficientCertainty", "0")))
                        .refusals())
                .hasSize(2);
        AmamoPrincipal other = users.create(Role.REVIEWER);
        Outcome<Void> notYours = findings.recordReview(other, id, "所見", Map.of());
        assertThat(notYours.kind()).isEqualTo(RefusalKind.FORBIDDEN);
        assertThat(notYours.refusals()).extracting(Refusal::messageKey).containsExactly("workflow.not-yours");
        Outcome<Void> early =
                comments.open(secretariat, id, clock.instant(), clock.instant().plusSeconds(60));
        assertThat(early.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(early.refusals()).extracting(Refusal::messageKey).containsExactly("review.certainty.outstanding");
    }

    @Test
    void thePublicCommentsOnlyInsideTheWindowAndCertificationWaitsForItsEnd() {
        long id = inReview();
        ok(findings.recordReview(
                reviewer, id, "所見", Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1"))));
        Instant now = clock.instant();
        ok(comments.open(secretariat, id, now.minusSeconds(60), now.plus(Duration.ofDays(7))));
        ok(comments.comment(id, null, "アマモ場の再生を応援します"));
        assertThat(comments.comment(id, "x", " ").refusals())
                .extracting(Refusal::field)
                .containsExactly("body");
        Outcome<Void> tooEarly = certification.certify(reviewer, id, null);
        assertThat(tooEarly.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(tooEarly.refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("review.comment-window.still-open");
        assertThat(status(id)).isEqualTo(ApplicationStatus.PUBLIC_COMMENT);
        assertThat(certification.certify(secretariat, id, null).kind()).isEqualTo(RefusalKind.FORBIDDEN);
        long closed = inReview();
        assertThat(comments.comment(closed, null, "早すぎる意見").refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("comment.window.closed");
    }

    @Test
    void aRejectionNeedsAReason() {
        long id = inReview();
        Outcome<Void> silent = certification.reject(reviewer, id, " ");
        assertThat(silent.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(silent.refusals()).extracting(Refusal::field).containsExactly("comment");
        ok(certification.reject(reviewer, id, "ベースラインの設定根拠が不十分"));
        assertThat(status(id)).isEqualTo(ApplicationStatus.REJECTED);
    }
}
