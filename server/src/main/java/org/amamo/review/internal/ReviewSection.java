package org.amamo.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.ReviewPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * The review's part of the application page: for the parties, the committee's reviews and the certainty fields
 * per component; for the committee and the secretariat (and everyone during public comment), the public's
 * comments; for the secretariat, the reviewers it may assign.
 */
@Component
class ReviewSection implements ReviewPanel {

    private final Applications applications;
    private final ReviewRepository reviews;
    private final CommitteeService committee;

    ReviewSection(Applications applications, ReviewRepository reviews, CommitteeService committee) {
        this.applications = applications;
        this.reviews = reviews;
        this.committee = committee;
    }

    @Override
    @Transactional(readOnly = true)
    public void fill(Model model, ApplicationUnderReview application, Viewer viewer) {
        if (viewer.insider()) {
            model.addAttribute("reviews", reviews.reviews(application.id()));
            Map<String, List<String>> factors = new LinkedHashMap<>();
            applications
                    .componentMethods(application.id())
                    .forEach((id, method) -> factors.put(id, Certainty.factorsFor(method)));
            model.addAttribute("componentFactors", factors);
        }
        if (viewer.secretariat()
                || viewer.assignedReviewer()
                || application.status() == ApplicationStatus.PUBLIC_COMMENT) {
            model.addAttribute("comments", reviews.comments(application.id()));
        }
        if (viewer.secretariat()) {
            model.addAttribute("reviewerCandidates", committee.candidates(application));
        }
    }
}
