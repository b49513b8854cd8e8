package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.platform.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The state machine, every action x every state x every party: the expected table of seed 003's
 * process written out independently of {@link WorkflowAction}, so that a change to one is caught by the other.
 */
class WorkflowTest {

    record Rule(WorkflowAction action, Set<ApplicationStatus> from, ApplicationStatus to, Set<Relation> by) {}

    static final Set<ApplicationStatus> OPEN = EnumSet.complementOf(
            EnumSet.of(ApplicationStatus.CERTIFIED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN));

    static final List<Rule> EXPECTED = List.of(
            new Rule(
                    WorkflowAction.SUBMIT,
                    EnumSet.of(ApplicationStatus.DRAFT),
                    ApplicationStatus.SUBMITTED,
                    EnumSet.of(Relation.OWNER)),
            new Rule(
                    WorkflowAction.RETURN,
                    EnumSet.of(ApplicationStatus.SUBMITTED),
                    ApplicationStatus.RETURNED,
                    EnumSet.of(Relation.SECRETARIAT)),
            new Rule(
                    WorkflowAction.RESUBMIT,
                    EnumSet.of(ApplicationStatus.RETURNED),
                    ApplicationStatus.SUBMITTED,
                    EnumSet.of(Relation.OWNER)),
            new Rule(
                    WorkflowAction.CONFIRM_FEE,
                    EnumSet.of(ApplicationStatus.SUBMITTED),
                    ApplicationStatus.FEE_CONFIRMED,
                    EnumSet.of(Relation.SECRETARIAT)),
            new Rule(
                    WorkflowAction.RECORD_HEARING,
                    EnumSet.of(ApplicationStatus.FEE_CONFIRMED),
                    ApplicationStatus.HEARING_DONE,
                    EnumSet.of(Relation.SECRETARIAT)),
            new Rule(
                    WorkflowAction.START_REVIEW,
                    EnumSet.of(ApplicationStatus.HEARING_DONE),
                    ApplicationStatus.IN_REVIEW,
                    EnumSet.of(Relation.SECRETARIAT)),
            new Rule(
                    WorkflowAction.OPEN_PUBLIC_COMMENT,
                    EnumSet.of(ApplicationStatus.IN_REVIEW),
                    ApplicationStatus.PUBLIC_COMMENT,
                    EnumSet.of(Relation.SECRETARIAT)),
            new Rule(
                    WorkflowAction.CERTIFY,
                    EnumSet.of(ApplicationStatus.PUBLIC_COMMENT),
                    ApplicationStatus.CERTIFIED,
                    EnumSet.of(Relation.ASSIGNED_REVIEWER)),
            new Rule(
                    WorkflowAction.REJECT,
                    EnumSet.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.PUBLIC_COMMENT),
                    ApplicationStatus.REJECTED,
                    EnumSet.of(Relation.ASSIGNED_REVIEWER)),
            new Rule(WorkflowAction.WITHDRAW, OPEN, ApplicationStatus.WITHDRAWN, EnumSet.of(Relation.OWNER)));

    @Test
    void everyActionStateAndPartyFollowsTheTable() {
        assertThat(EXPECTED).extracting(Rule::action).containsExactly(WorkflowAction.values());
        int checked = 0;
        for (Rule rule : EXPECTED) {
            assertThat(rule.action().to()).isEqualTo(rule.to());
            for (ApplicationStatus status : ApplicationStatus.values()) {
                for (Relation relation : Relation.values()) {
                    List<Refusal> refusals = Workflow.check(rule.action(), status, EnumSet.of(relation), "reason");
                    boolean allowed = rule.from().contains(status) && rule.by().contains(relation);
                    assertThat(refusals.isEmpty())
                            .as("%s from %s by %s", rule.action(), status, relation)
                            .isEqualTo(allowed);
                    checked++;
                }
                List<Refusal> anonymous =
                        Workflow.check(rule.action(), status, EnumSet.noneOf(Relation.class), "reason");
                assertThat(anonymous).as("%s by the public", rule.action()).isNotEmpty();
            }
        }
        assertThat(checked)
                .isEqualTo(
                        WorkflowAction.values().length * ApplicationStatus.values().length * Relation.values().length);
    }

    @Test
    void aJointApplicantMayEditButNotSubmitOrWithdraw() {
        assertThat(Workflow.check(
                        WorkflowAction.SUBMIT, ApplicationStatus.DRAFT, EnumSet.of(Relation.JOINT_APPLICANT), null))
                .extracting(Refusal::messageKey)
                .containsExactly("workflow.not-yours");
        assertThat(ApplicationStatus.DRAFT.editableByApplicant()).isTrue();
        assertThat(ApplicationStatus.RETURNED.editableByApplicant()).isTrue();
        assertThat(EnumSet.complementOf(EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED)))
                .noneMatch(ApplicationStatus::editableByApplicant);
    }

    @ParameterizedTest
    @EnumSource(
            value = WorkflowAction.class,
            names = {"RETURN", "REJECT"})
    void returningAndRejectingNeedAReason(WorkflowAction action) {
        ApplicationStatus from = action.from().iterator().next();
        Set<Relation> by = action.takenBy();
        assertThat(Workflow.check(action, from, by, "  "))
                .extracting(Refusal::field)
                .containsExactly("comment");
        assertThat(Workflow.check(action, from, by, "x".repeat(Workflow.COMMENT_MAX)))
                .isEmpty();
        assertThat(Workflow.check(action, from, by, "x".repeat(Workflow.COMMENT_MAX + 1)))
                .extracting(Refusal::messageKey)
                .containsExactly("workflow.comment-too-long");
    }

    @Test
    void finalStatesAllowNoMove() {
        for (ApplicationStatus status :
                EnumSet.of(ApplicationStatus.CERTIFIED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)) {
            assertThat(Workflow.available(status, EnumSet.allOf(Relation.class)))
                    .isEmpty();
        }
    }
}
