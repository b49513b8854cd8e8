package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.junit.jupiter.api.Test;

/** The application page's actions, decided from the workflow's rules for the state and the viewer. */
class ApplicationActionsTest {

    static ApplicationActions actions(ApplicationStatus status, Relation... relations) {
        Set<Relation> set = EnumSet.noneOf(Relation.class);
        set.addAll(Set.of(relations));
        return ApplicationActions.of(status, set);
    }

    @Test
    void theOwnerEditsSubmitsAndWithdrawsADraft() {
        ApplicationActions actions = actions(ApplicationStatus.DRAFT, Relation.OWNER);
        assertThat(actions.edit()).isTrue();
        assertThat(actions.moves())
                .containsExactly(
                        new ApplicationActions.Move("SUBMIT", false), new ApplicationActions.Move("WITHDRAW", true));
        assertThat(actions.confirmFee()).isFalse();
        assertThat(actions.continueProject()).isFalse();
    }

    @Test
    void aJointApplicantEditsButDoesNotSubmit() {
        ApplicationActions actions = actions(ApplicationStatus.DRAFT, Relation.JOINT_APPLICANT);
        assertThat(actions.edit()).isTrue();
        assertThat(actions.moves()).isEmpty();
    }

    @Test
    void theSecretariatConfirmsTheFeeWithItsOwnFormAndMayReturnASubmission() {
        ApplicationActions actions = actions(ApplicationStatus.SUBMITTED, Relation.SECRETARIAT);
        assertThat(actions.confirmFee()).isTrue();
        assertThat(actions.moves()).extracting(ApplicationActions.Move::name).containsExactly("RETURN");
        assertThat(actions.assignReviewer()).isFalse();
        assertThat(actions.edit()).isFalse();
    }

    @Test
    void theSecretariatAssignsReviewersFromTheFeeUntilTheReviewEnds() {
        assertThat(actions(ApplicationStatus.FEE_CONFIRMED, Relation.SECRETARIAT)
                        .recordHearing())
                .isTrue();
        assertThat(actions(ApplicationStatus.FEE_CONFIRMED, Relation.SECRETARIAT)
                        .assignReviewer())
                .isTrue();
        assertThat(actions(ApplicationStatus.IN_REVIEW, Relation.SECRETARIAT).assignReviewer())
                .isTrue();
        assertThat(actions(ApplicationStatus.IN_REVIEW, Relation.SECRETARIAT).openPublicComment())
                .isTrue();
        assertThat(actions(ApplicationStatus.PUBLIC_COMMENT, Relation.SECRETARIAT)
                        .assignReviewer())
                .isFalse();
        assertThat(actions(ApplicationStatus.FEE_CONFIRMED, Relation.OWNER).assignReviewer())
                .isFalse();
    }

    @Test
    void anAssignedReviewerRecordsDuringReviewAndDecidesAfterPublicComment() {
        ApplicationActions reviewing = actions(ApplicationStatus.IN_REVIEW, Relation.ASSIGNED_REVIEWER);
        assertThat(reviewing.recordReview()).isTrue();
        assertThat(reviewing.moves()).extracting(ApplicationActions.Move::name).containsExactly("REJECT");
        ApplicationActions deciding = actions(ApplicationStatus.PUBLIC_COMMENT, Relation.ASSIGNED_REVIEWER);
        assertThat(deciding.recordReview()).isFalse();
        assertThat(deciding.moves())
                .containsExactly(
                        new ApplicationActions.Move("CERTIFY", false), new ApplicationActions.Move("REJECT", true));
        assertThat(deciding.comment()).isTrue();
    }

    @Test
    void theOwnerContinuesACertifiedProjectAndNobodyElseDoes() {
        assertThat(actions(ApplicationStatus.CERTIFIED, Relation.OWNER).continueProject())
                .isTrue();
        assertThat(actions(ApplicationStatus.CERTIFIED, Relation.JOINT_APPLICANT)
                        .continueProject())
                .isFalse();
        assertThat(actions(ApplicationStatus.CERTIFIED).moves()).isEmpty();
    }
}
