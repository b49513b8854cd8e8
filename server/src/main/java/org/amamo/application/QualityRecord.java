package org.amamo.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A project's quality record as the public sees it (issue 22 item 1): the rules its application was submitted under,
 * the applicant's statement per criterion of the Core Carbon Principles and the reviewers' assessments. Reviewers
 * are numbered (1, 2 ...) in the order of their user ids rather than named.
 *
 * @param rules       {@code BEFORE_CHECKLIST} or {@code CCP_CHECKLIST}
 * @param statements  the applicant's statements (empty texts and no SDGs for an application before the checklist)
 * @param assessments every recorded assessment, by criterion then reviewer
 */
public record QualityRecord(QualityRules rules, Statements statements, List<Assessment> assessments) {

    public QualityRecord {
        assessments = List.copyOf(assessments);
    }

    /**
     * The applicant's statements, one per criterion; the permanence statement covers the risk of reversal and comes
     * with the monitoring the project commits to; the sustainable development one with the SDGs served (1 to 17).
     */
    public record Statements(
            String additionality,
            String permanence,
            String permanenceMonitoring,
            String sustainableDevelopment,
            List<Integer> sdgs,
            String noDoubleCounting,
            String netZero) {

        public Statements {
            sdgs = List.copyOf(sdgs);
        }

        /** The statement on a criterion (for permanence, the risk of reversal). */
        public String of(QualityCriterion criterion) {
            return switch (criterion) {
                case ADDITIONALITY -> additionality;
                case PERMANENCE -> permanence;
                case SUSTAINABLE_DEVELOPMENT -> sustainableDevelopment;
                case NO_DOUBLE_COUNTING -> noDoubleCounting;
                case NET_ZERO -> netZero;
            };
        }
    }

    /**
     * One reviewer's assessment of one criterion.
     *
     * @param reviewer the reviewer's number on this application, from 1
     * @param criterion the criterion's code ({@link QualityCriterion#code()})
     */
    public record Assessment(
            int reviewer, String criterion, QualityOutcome outcome, String reason, Instant assessedAt) {}

    /** The public record of these assessments, reviewers numbered by their user ids. */
    public static QualityRecord of(QualityRules rules, Statements statements, List<QualityAssessment> recorded) {
        List<Long> reviewers = recorded.stream()
                .map(QualityAssessment::reviewerId)
                .distinct()
                .sorted()
                .toList();
        List<Assessment> assessments = recorded.stream()
                .sorted(Comparator.comparing(QualityAssessment::criterion).thenComparing(QualityAssessment::reviewerId))
                .map(a -> new Assessment(
                        reviewers.indexOf(a.reviewerId()) + 1,
                        a.criterion().code(),
                        a.outcome(),
                        a.reason(),
                        a.assessedAt()))
                .toList();
        return new QualityRecord(rules, statements, assessments);
    }

    /** The assessments of one criterion, by reviewer number. */
    public List<Assessment> of(QualityCriterion criterion) {
        return assessments.stream()
                .filter(a -> a.criterion().equals(criterion.code()))
                .toList();
    }
}
