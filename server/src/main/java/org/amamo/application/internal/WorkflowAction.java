package org.amamo.application.internal;

import java.util.EnumSet;
import java.util.Set;
import org.amamo.application.ApplicationStatus;

/**
 * Every move of the workflow: the states it starts from, the state it leads to, who may take it and
 * whether a comment is required. The single source of the state machine (seed 003's process).
 */
enum WorkflowAction {
    SUBMIT(EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.SUBMITTED, EnumSet.of(Relation.OWNER), false),
    RETURN(EnumSet.of(ApplicationStatus.SUBMITTED), ApplicationStatus.RETURNED, EnumSet.of(Relation.SECRETARIAT), true),
    RESUBMIT(EnumSet.of(ApplicationStatus.RETURNED), ApplicationStatus.SUBMITTED, EnumSet.of(Relation.OWNER), false),
    CONFIRM_FEE(
            EnumSet.of(ApplicationStatus.SUBMITTED),
            ApplicationStatus.FEE_CONFIRMED,
            EnumSet.of(Relation.SECRETARIAT),
            false),
    RECORD_HEARING(
            EnumSet.of(ApplicationStatus.FEE_CONFIRMED),
            ApplicationStatus.HEARING_DONE,
            EnumSet.of(Relation.SECRETARIAT),
            false),
    START_REVIEW(
            EnumSet.of(ApplicationStatus.HEARING_DONE),
            ApplicationStatus.IN_REVIEW,
            EnumSet.of(Relation.SECRETARIAT),
            false),
    OPEN_PUBLIC_COMMENT(
            EnumSet.of(ApplicationStatus.IN_REVIEW),
            ApplicationStatus.PUBLIC_COMMENT,
            EnumSet.of(Relation.SECRETARIAT),
            false),
    CERTIFY(
            EnumSet.of(ApplicationStatus.PUBLIC_COMMENT),
            ApplicationStatus.CERTIFIED,
            EnumSet.of(Relation.ASSIGNED_REVIEWER),
            false),
    REJECT(
            EnumSet.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.PUBLIC_COMMENT),
            ApplicationStatus.REJECTED,
            EnumSet.of(Relation.ASSIGNED_REVIEWER),
            true),
    WITHDRAW(
            EnumSet.complementOf(
                    EnumSet.of(ApplicationStatus.CERTIFIED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)),
            ApplicationStatus.WITHDRAWN,
            EnumSet.of(Relation.OWNER),
            false);

    private final Set<ApplicationStatus> from;
    private final ApplicationStatus to;
    private final Set<Relation> takenBy;
    private final boolean commentRequired;

    WorkflowAction(Set<ApplicationStatus> from, ApplicationStatus to, Set<Relation> takenBy, boolean commentRequired) {
        this.from = from;
        this.to = to;
        this.takenBy = takenBy;
        this.commentRequired = commentRequired;
    }

    Set<ApplicationStatus> from() {
        return EnumSet.copyOf(from);
    }

    ApplicationStatus to() {
        return to;
    }

    Set<Relation> takenBy() {
        return EnumSet.copyOf(takenBy);
    }

    boolean commentRequired() {
        return commentRequired;
    }
}
