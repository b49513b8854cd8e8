package org.amamo.application.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;

/**
 * The workflow's rule for one move: allowed from the current state, by someone who stands in one of
 * the action's relations to the application, with a comment where one is required. Preconditions that
 * need the application's contents (completeness, reviewers' certainty, the comment window) are checked
 * by the service before it moves.
 */
final class Workflow {

    static final int COMMENT_MAX = 4000;

    private Workflow() {}

    /** Why {@code action} may not be taken now; empty when it may. */
    static List<Refusal> check(
            WorkflowAction action, ApplicationStatus status, Set<Relation> relations, String comment) {
        if (Collections.disjoint(action.takenBy(), relations)) {
            return List.of(Refusal.of("$", "workflow.not-yours", action.name()));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (!action.from().contains(status)) {
            refusals.add(Refusal.of("$", "workflow.wrong-state", action.name(), status.name()));
        }
        boolean blank = comment == null || comment.isBlank();
        if (action.commentRequired() && blank) {
            refusals.add(Refusal.of("comment", "workflow.comment-required"));
        }
        if (!blank && comment.length() > COMMENT_MAX) {
            refusals.add(Refusal.of("comment", "workflow.comment-too-long", COMMENT_MAX));
        }
        return refusals;
    }

    /**
     * {@link #check} as an outcome: FORBIDDEN when the move is not the actor's, CONFLICT when the application is in
     * another state, INVALID for a missing or overlong comment.
     */
    static Outcome<Void> decide(
            WorkflowAction action, ApplicationStatus status, Set<Relation> relations, String comment) {
        List<Refusal> refusals = check(action, status, relations, comment);
        if (refusals.isEmpty()) {
            return Outcome.done();
        }
        String first = refusals.get(0).messageKey();
        RefusalKind kind = "workflow.not-yours".equals(first)
                ? RefusalKind.FORBIDDEN
                : "workflow.wrong-state".equals(first) ? RefusalKind.CONFLICT : RefusalKind.INVALID;
        return Outcome.refused(kind, refusals);
    }

    /** The actions the acting user could take now, for showing buttons. */
    static List<WorkflowAction> available(ApplicationStatus status, Set<Relation> relations) {
        List<WorkflowAction> actions = new ArrayList<>();
        for (WorkflowAction action : WorkflowAction.values()) {
            if (action.from().contains(status) && !Collections.disjoint(action.takenBy(), relations)) {
                actions.add(action);
            }
        }
        return actions;
    }
}
