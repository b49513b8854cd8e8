package org.amamo.application.internal;

import java.util.EnumSet;
import java.util.Set;
import org.amamo.application.AssignedReviewers;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How a user stands to an application (its parties), and so what they may see and do with it. */
@Component
class Parties {

    private final ApplicationRepository applications;
    private final AssignedReviewers reviewers;

    Parties(ApplicationRepository applications, AssignedReviewers reviewers) {
        this.applications = applications;
        this.reviewers = reviewers;
    }

    /** How the actor stands to the application; empty for the public. */
    @Transactional(readOnly = true)
    Set<Relation> relations(AmamoPrincipal actor, StoredApplication application) {
        Set<Relation> relations = EnumSet.noneOf(Relation.class);
        if (actor == null) {
            return relations;
        }
        if (application.ownerId() == actor.userId()) {
            relations.add(Relation.OWNER);
        }
        if (applications.jointApplicantUserIds(application.id()).contains(actor.userId())) {
            relations.add(Relation.JOINT_APPLICANT);
        }
        if (actor.isSecretariat()) {
            relations.add(Relation.SECRETARIAT);
        }
        if (actor.has(Role.REVIEWER) && reviewers.of(application.id()).contains(actor.userId())) {
            relations.add(Relation.ASSIGNED_REVIEWER);
        }
        return relations;
    }

    /** Applicants, the secretariat and assigned reviewers see everything; the public sees public states. */
    static boolean canView(Set<Relation> relations, StoredApplication application) {
        return !relations.isEmpty() || application.status().isPublic();
    }

    /** Whether the relations make the user one of the applicants, who write the form. */
    static boolean applicant(Set<Relation> relations) {
        return relations.contains(Relation.OWNER) || relations.contains(Relation.JOINT_APPLICANT);
    }
}
