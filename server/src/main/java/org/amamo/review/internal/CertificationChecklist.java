package org.amamo.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.application.QualityAssessment;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityOutcome;
import org.amamo.application.QualityRules;
import org.amamo.platform.Refusal;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rule certification follows on the Core Carbon Principles checklist (issue 22 item 1): under the checklist,
 * every assigned reviewer has assessed every criterion and no reviewer found a criterion not met ("not applicable"
 * with its reason is accepted). An application submitted before the checklist needs no assessment. Each refusal
 * names the reviewer and the criterion, so the committee sees what is missing.
 */
final class CertificationChecklist {

    private CertificationChecklist() {}

    /** An assigned reviewer, by user id, with the name the refusal gives. */
    record Reviewer(long id, String name) {}

    /** What stands in the way of certification; empty when the checklist allows it. */
    static List<Refusal> refusals(QualityRules rules, List<Reviewer> reviewers, List<QualityAssessment> assessments) {
        List<Refusal> refusals = new ArrayList<>();
        if (!rules.checklist()) {
            return refusals;
        }
        for (Reviewer reviewer : reviewers) {
            for (QualityCriterion criterion : QualityCriterion.values()) {
                Optional<QualityAssessment> assessed = assessments.stream()
                        .filter(a -> a.reviewerId() == reviewer.id() && a.criterion() == criterion)
                        .findFirst();
                if (assessed.isEmpty()) {
                    refusals.add(Refusal.of("$", "quality.certify.not-assessed", reviewer.name(), label(criterion)));
                } else if (assessed.get().outcome() == QualityOutcome.DOES_NOT_MEET) {
                    refusals.add(Refusal.of("$", "quality.certify.does-not-meet", reviewer.name(), label(criterion)));
                }
            }
        }
        return refusals;
    }

    /** The criterion's name, rendered in the reader's language with the refusal. */
    private static DefaultMessageSourceResolvable label(QualityCriterion criterion) {
        return new DefaultMessageSourceResolvable("quality.criterion." + criterion.code());
    }
}
