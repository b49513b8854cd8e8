package org.amamo.review.internal;

import java.util.Set;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.identity.UserSummary;

/**
 * The committee's conflict-of-interest rule: no one reviews an application they made or joined, nor one made by
 * someone of their own organisation (the representative's or a joint applicant's).
 */
final class ConflictOfInterest {

    private ConflictOfInterest() {}

    /**
     * Whether the reviewer may not review the application.
     *
     * @param applicantOrganisations the organisations of the representative and the joint applicants
     */
    static boolean conflicts(
            UserSummary reviewer, ApplicationUnderReview application, Set<Long> applicantOrganisations) {
        if (application.applicantIds().contains(reviewer.userId())) {
            return true;
        }
        return reviewer.organisationId() != null && applicantOrganisations.contains(reviewer.organisationId());
    }
}
