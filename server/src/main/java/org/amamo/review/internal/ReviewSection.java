package org.amamo.review.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * comments; for the secretariat, the reviewers already assigned and those it may assign. Recorded certainty is
 * given as scores per component and factor, for the page to show as text.
 */
@Component
class ReviewSection implements ReviewPanel {

    private final Applications applications;
    private final ReviewRepository reviews;
    private final CommitteeService committee;
    private final ObjectMapper json;

    private final java.time.Clock clock;

    /** Days a public comment window lasts unless the secretariat sets otherwise. */
    static final int COMMENT_DAYS = 30;

    ReviewSection(
            Applications applications,
            ReviewRepository reviews,
            CommitteeService committee,
            ObjectMapper json,
            java.time.Clock clock) {
        this.clock = clock;
        this.applications = applications;
        this.reviews = reviews;
        this.committee = committee;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public void fill(Model model, ApplicationUnderReview application, Viewer viewer) {
        if (viewer.insider()) {
            reviews.hearingPlan(application.id()).ifPresent(plan -> {
                model.addAttribute("hearingPlan", plan);
                model.addAttribute(
                        "hearingPlanAt",
                        java.time.LocalDateTime.ofInstant(plan.at(), org.amamo.platform.SchemeTime.ZONE));
            });
            List<ReviewRepository.Review> recorded = reviews.reviews(application.id());
            model.addAttribute("reviews", recorded);
            Map<Long, Map<String, Map<String, String>>> scores = new LinkedHashMap<>();
            recorded.stream()
                    .filter(ReviewRepository.Review::recorded)
                    .forEach(review -> scores.put(review.reviewerId(), read(review.certaintyJson())));
            model.addAttribute("reviewScores", scores);
            Map<String, List<String>> factors = new LinkedHashMap<>();
            applications
                    .componentMethods(application.id())
                    .forEach((id, method) -> factors.put(id, Certainty.factorsFor(method)));
            model.addAttribute("componentFactors", factors);
            if (viewer.assignedReviewer() && application.status() == ApplicationStatus.IN_REVIEW) {
                // The credit as applied for (certainty absent counts as 1.00), beside which the reviewer's preview
                // reads.
                var applied = applications.calculateWithCertainty(application.id(), Map.of());
                if (applied.isDone()) {
                    model.addAttribute(
                            "reviewAppliedUnits", applied.value().result().creditUnits());
                }
            }
        }
        if (viewer.secretariat()
                || viewer.assignedReviewer()
                || application.status() == ApplicationStatus.PUBLIC_COMMENT) {
            model.addAttribute("comments", reviews.comments(application.id()));
        }
        if (viewer.secretariat()) {
            model.addAttribute("reviewerCandidates", committee.candidates(application));
            model.addAttribute("assignedReviewers", reviews.reviews(application.id()));
            // The comment window's default: from now, for 30 days, closing at 17:00 (Japan).
            java.time.LocalDateTime opens = java.time.LocalDateTime.now(
                            clock.withZone(org.amamo.platform.SchemeTime.ZONE))
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            model.addAttribute("commentDefaultOpens", opens.toString() + (opens.getSecond() == 0 ? ":00" : ""));
            model.addAttribute(
                    "commentDefaultCloses",
                    opens.toLocalDate().plusDays(COMMENT_DAYS).atTime(17, 0).toString() + ":00");
        }
    }

    /** A recorded review's certainty: component, factor and the score as typed. */
    private Map<String, Map<String, String>> read(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Map<String, String>>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored certainty is not readable", e);
        }
    }
}
