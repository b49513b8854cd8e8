package org.amamo.application.internal;

import java.util.List;
import java.util.Set;
import org.amamo.application.ApplicationStatus;

/**
 * What the person looking at the application page may do now, decided here from the workflow's rules so that the
 * template only shows it: the plain moves (a button with a comment), and the moves and actions with forms of their
 * own.
 *
 * @param edit the applicants may edit the form
 * @param moves the moves that need nothing but a comment, in the workflow's order
 * @param confirmFee the secretariat may confirm the fee (with the invoice)
 * @param recordHearing the secretariat may record the hearing
 * @param assignReviewer the secretariat may add a reviewer
 * @param openPublicComment the secretariat may open public comment
 * @param recordReview an assigned reviewer may record findings and certainty
 * @param continueProject the project's owner may continue the certified project with a new year's application
 * @param comment anyone may comment (the application is open for public comment)
 */
record ApplicationActions(
        boolean edit,
        List<Move> moves,
        boolean confirmFee,
        boolean recordHearing,
        boolean assignReviewer,
        boolean openPublicComment,
        boolean recordReview,
        boolean continueProject,
        boolean comment) {

    /** The moves that have a form of their own on the page rather than a plain button. */
    static final Set<WorkflowAction> WITH_FORMS =
            Set.of(WorkflowAction.CONFIRM_FEE, WorkflowAction.RECORD_HEARING, WorkflowAction.OPEN_PUBLIC_COMMENT);

    /** A plain move: its name (for the URL, the button's id and label) and whether it ends the application. */
    record Move(String name, boolean danger) {}

    static ApplicationActions of(ApplicationStatus status, Set<Relation> relations) {
        return of(status, relations, relations.contains(Relation.OWNER));
    }

    /**
     * As {@link #of(ApplicationStatus, Set)}, for a viewer who is or is not the project's current owner: after a
     * take-over (引継ぎ) the new owner continues the project, not the owner of its earlier applications.
     */
    static ApplicationActions of(ApplicationStatus status, Set<Relation> relations, boolean projectOwner) {
        List<WorkflowAction> available = Workflow.available(status, relations);
        boolean secretariat = relations.contains(Relation.SECRETARIAT);
        return new ApplicationActions(
                status.editableByApplicant() && Parties.applicant(relations),
                available.stream()
                        .filter(action -> !WITH_FORMS.contains(action))
                        .map(action -> new Move(action.name(), danger(action)))
                        .toList(),
                available.contains(WorkflowAction.CONFIRM_FEE),
                available.contains(WorkflowAction.RECORD_HEARING),
                secretariat && status.acceptsReviewers(),
                available.contains(WorkflowAction.OPEN_PUBLIC_COMMENT),
                relations.contains(Relation.ASSIGNED_REVIEWER) && status == ApplicationStatus.IN_REVIEW,
                projectOwner && status == ApplicationStatus.CERTIFIED,
                status == ApplicationStatus.PUBLIC_COMMENT);
    }

    /** The same, without the public's comment form (outside the comment window). */
    ApplicationActions withoutComment() {
        return new ApplicationActions(
                edit,
                moves,
                confirmFee,
                recordHearing,
                assignReviewer,
                openPublicComment,
                recordReview,
                continueProject,
                false);
    }

    private static boolean danger(WorkflowAction action) {
        return action == WorkflowAction.WITHDRAW || action == WorkflowAction.REJECT;
    }
}
