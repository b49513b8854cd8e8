package org.amamo.review.internal;

import java.util.List;
import org.amamo.application.AssignedReviewers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the application module who reviews an application: the reviewers assigned to it. */
@Component
class CommitteeMembers implements AssignedReviewers {

    private final ReviewRepository reviews;

    CommitteeMembers(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> of(long applicationId) {
        return reviews.reviewerIds(applicationId);
    }
}
