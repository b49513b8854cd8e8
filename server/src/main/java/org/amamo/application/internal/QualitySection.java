package org.amamo.application.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.QualityAssessment;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityOutcome;
import org.amamo.application.QualityRecord;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The quality record's part of the application page: the applicant's statements for whoever sees the page, the
 * reviewers' assessments for the parties and, once certified, for everyone; for an assigned reviewer, their own
 * assessments to give again.
 */
@Component
class QualitySection {

    private final QualityStore store;

    QualitySection(QualityStore store) {
        this.store = store;
    }

    void fill(Model model, StoredApplication application, Set<Relation> relations, Long viewerId) {
        QualityRecord record = store.record(application.id());
        model.addAttribute("quality", record);
        model.addAttribute("qualityCriteria", List.of(QualityCriterion.values()));
        model.addAttribute("qualityOutcomes", List.of(QualityOutcome.values()));
        model.addAttribute(
                "qualityAssessmentsShown", !relations.isEmpty() || application.status() == ApplicationStatus.CERTIFIED);
        // Reviewers assess during the review and public comment (the review module's rule); the form is theirs then.
        boolean reviewer = viewerId != null && relations.contains(Relation.ASSIGNED_REVIEWER);
        model.addAttribute(
                "qualityAssessable",
                reviewer
                        && (application.status() == ApplicationStatus.IN_REVIEW
                                || application.status() == ApplicationStatus.PUBLIC_COMMENT));
        if (reviewer) {
            Map<QualityCriterion, QualityAssessment> mine = new EnumMap<>(QualityCriterion.class);
            store.assessments(application.id()).stream()
                    .filter(assessment -> assessment.reviewerId() == viewerId)
                    .forEach(assessment -> mine.put(assessment.criterion(), assessment));
            model.addAttribute("qualityMine", mine);
        }
    }
}
