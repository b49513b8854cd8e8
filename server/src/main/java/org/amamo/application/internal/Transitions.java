package org.amamo.application.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.amamo.application.AssignedReviewers;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Records a workflow move that has been allowed: the new status, the transition with its comment, and a
 * notification to every party but the actor (the secretariat too when the application is submitted).
 */
@Component
class Transitions {

    private final ApplicationRepository applications;
    private final AssignedReviewers reviewers;
    private final Notifications notifications;
    private final UserDirectory users;
    private final Clock clock;

    Transitions(
            ApplicationRepository applications,
            AssignedReviewers reviewers,
            Notifications notifications,
            UserDirectory users,
            Clock clock) {
        this.applications = applications;
        this.reviewers = reviewers;
        this.notifications = notifications;
        this.users = users;
        this.clock = clock;
    }

    void record(AmamoPrincipal actor, StoredApplication application, WorkflowAction action, String comment) {
        applications.setStatus(application.id(), action.to(), clock.instant());
        applications.recordTransition(
                application.id(), action, application.status(), actor.userId(), comment, clock.instant());
        List<Long> concerned = new ArrayList<>(applications.jointApplicantUserIds(application.id()));
        concerned.add(application.ownerId());
        concerned.addAll(reviewers.of(application.id()));
        if (action == WorkflowAction.SUBMIT || action == WorkflowAction.RESUBMIT) {
            users.withRole(Role.SECRETARIAT).forEach(user -> concerned.add(user.userId()));
        }
        concerned.remove(actor.userId());
        notify(concerned, "notification.moved." + action.to().name(), application);
    }

    void notify(List<Long> userIds, String messageKey, StoredApplication application) {
        notifications.send(userIds, messageKey, application.name(), link(application.id()));
    }

    static String link(long applicationId) {
        return "/applications/" + applicationId;
    }
}
