package org.amamo.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amamo.application.QualityAssessment;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityOutcome;
import org.amamo.application.QualityRules;
import org.amamo.platform.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

/**
 * Certification under the Core Carbon Principles checklist needs every assigned reviewer's assessment of every
 * criterion, none of them "does not meet"; an application submitted before the checklist needs none.
 */
class CertificationChecklistTest {

    static final CertificationChecklist.Reviewer TANAKA = new CertificationChecklist.Reviewer(1, "田中");
    static final CertificationChecklist.Reviewer SATO = new CertificationChecklist.Reviewer(2, "佐藤");
    static final Instant AT = Instant.parse("2026-10-01T03:00:00Z");

    static List<QualityAssessment> all(CertificationChecklist.Reviewer reviewer, QualityOutcome outcome) {
        List<QualityAssessment> assessed = new ArrayList<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            assessed.add(new QualityAssessment(reviewer.id(), criterion, outcome, "確認した", AT));
        }
        return assessed;
    }

    @Test
    void everyReviewerHavingFoundEveryCriterionMetOrNotApplicableAllowsCertification() {
        List<QualityAssessment> assessed = new ArrayList<>(all(TANAKA, QualityOutcome.MEETS));
        assessed.addAll(all(SATO, QualityOutcome.NOT_APPLICABLE));
        assertThat(CertificationChecklist.refusals(QualityRules.CCP_CHECKLIST, List.of(TANAKA, SATO), assessed))
                .isEmpty();
    }

    @Test
    void aCriterionOneReviewerHasNotAssessedIsNamedWithTheReviewer() {
        List<QualityAssessment> assessed = new ArrayList<>(all(TANAKA, QualityOutcome.MEETS));
        assessed.addAll(all(SATO, QualityOutcome.MEETS));
        assessed.removeIf(a -> a.reviewerId() == SATO.id() && a.criterion() == QualityCriterion.NET_ZERO);

        List<Refusal> refusals =
                CertificationChecklist.refusals(QualityRules.CCP_CHECKLIST, List.of(TANAKA, SATO), assessed);

        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).messageKey()).isEqualTo("quality.certify.not-assessed");
        assertThat(refusals.get(0).arguments().get(0)).isEqualTo("佐藤");
        assertThat(((MessageSourceResolvable) refusals.get(0).arguments().get(1)).getCodes())
                .containsExactly("quality.criterion.net-zero");
    }

    @Test
    void aReviewerWithNoAssessmentAtAllMissesEveryCriterion() {
        assertThat(CertificationChecklist.refusals(
                        QualityRules.CCP_CHECKLIST, List.of(TANAKA, SATO), all(TANAKA, QualityOutcome.MEETS)))
                .hasSize(QualityCriterion.values().length)
                .allSatisfy(refusal -> assertThat(refusal.arguments().get(0)).isEqualTo("佐藤"));
    }

    @Test
    void aCriterionFoundNotMetRefusesCertificationEvenWhenTheOtherReviewerFoundItMet() {
        List<QualityAssessment> assessed = new ArrayList<>(all(TANAKA, QualityOutcome.MEETS));
        List<QualityAssessment> sato = new ArrayList<>(all(SATO, QualityOutcome.MEETS));
        sato.set(0, new QualityAssessment(SATO.id(), sato.get(0).criterion(), QualityOutcome.DOES_NOT_MEET, "不足", AT));
        assessed.addAll(sato);

        assertThat(CertificationChecklist.refusals(QualityRules.CCP_CHECKLIST, List.of(TANAKA, SATO), assessed))
                .extracting(Refusal::messageKey)
                .containsExactly("quality.certify.does-not-meet");
    }

    @Test
    void anAssessmentOfSomeoneNoLongerAssignedDoesNotCount() {
        List<QualityAssessment> assessed = all(SATO, QualityOutcome.DOES_NOT_MEET);
        assertThat(CertificationChecklist.refusals(QualityRules.CCP_CHECKLIST, List.of(TANAKA), assessed))
                .extracting(Refusal::messageKey)
                .containsOnly("quality.certify.not-assessed");
    }

    @Test
    void anApplicationSubmittedBeforeTheChecklistNeedsNoAssessment() {
        assertThat(CertificationChecklist.refusals(QualityRules.BEFORE_CHECKLIST, List.of(TANAKA, SATO), List.of()))
                .isEmpty();
    }
}
