package org.amamo.application;

import org.springframework.ui.Model;

/**
 * The review's part of the application page (the committee's findings, the public's comments, the reviewers the
 * secretariat may assign, the certainty fields), filled in by the review module beside the application's own.
 */
public interface ReviewPanel {

    void fill(Model model, ApplicationUnderReview application, Viewer viewer);

    /** How the person looking stands to the application. */
    record Viewer(boolean insider, boolean secretariat, boolean assignedReviewer) {}
}
