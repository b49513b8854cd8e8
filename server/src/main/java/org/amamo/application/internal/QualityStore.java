package org.amamo.application.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amamo.application.QualityAssessment;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityOutcome;
import org.amamo.application.QualityRecord;
import org.amamo.application.QualityRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quality record's tables (V24_1): the applicant's statements, the reviewers' assessments and the rules each
 * application was submitted under.
 */
@Repository
class QualityStore {

    private final JdbcClient jdbc;

    QualityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    QualityRules rules(long applicationId) {
        return QualityRules.valueOf(jdbc.sql("SELECT quality_rules FROM application WHERE id = ?")
                .param(applicationId)
                .query(String.class)
                .single());
    }

    /** The statements of the application (an empty form when none were ever saved). */
    QualityForm load(long applicationId) {
        return jdbc.sql("""
                SELECT additionality, permanence, permanence_monitoring, sustainable_development, sdgs,
                       no_double_counting, net_zero
                  FROM application_quality_statement WHERE application_id = ?""")
                .param(applicationId)
                .query((row, n) -> {
                    QualityForm form = new QualityForm();
                    form.setAdditionality(row.getString(1));
                    form.setPermanence(row.getString(2));
                    form.setPermanenceMonitoring(row.getString(3));
                    form.setSustainableDevelopment(row.getString(4));
                    form.setSdgs(goals(row.getString(5)));
                    form.setNoDoubleCounting(row.getString(6));
                    form.setNetZero(row.getString(7));
                    return form;
                })
                .optional()
                .orElseGet(QualityForm::new);
    }

    /** Replaces the statements of the application. */
    void save(long applicationId, QualityForm form) {
        jdbc.sql("DELETE FROM application_quality_statement WHERE application_id = ?")
                .param(applicationId)
                .update();
        jdbc.sql("""
                INSERT INTO application_quality_statement (application_id, additionality, permanence,
                       permanence_monitoring, sustainable_development, sdgs, no_double_counting, net_zero)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        applicationId,
                        blankToNull(form.getAdditionality()),
                        blankToNull(form.getPermanence()),
                        blankToNull(form.getPermanenceMonitoring()),
                        blankToNull(form.getSustainableDevelopment()),
                        String.join(
                                ",",
                                form.getSdgs().stream()
                                        .filter(java.util.Objects::nonNull)
                                        .distinct()
                                        .sorted()
                                        .map(String::valueOf)
                                        .toList()),
                        blankToNull(form.getNoDoubleCounting()),
                        blankToNull(form.getNetZero()))
                .update();
    }

    List<QualityAssessment> assessments(long applicationId) {
        return jdbc.sql("""
                SELECT reviewer_id, criterion, outcome, reason, assessed_at FROM application_quality_assessment
                 WHERE application_id = ? ORDER BY reviewer_id, criterion""")
                .param(applicationId)
                .query((row, n) -> new QualityAssessment(
                        row.getLong(1),
                        QualityCriterion.valueOf(row.getString(2)),
                        QualityOutcome.valueOf(row.getString(3)),
                        row.getString(4),
                        instant(row, 5)))
                .list();
    }

    /** Replaces the reviewer's assessments of the application with these (all of that reviewer). */
    void replaceAssessments(long applicationId, long reviewerId, List<QualityAssessment> assessed) {
        jdbc.sql("DELETE FROM application_quality_assessment WHERE application_id = ? AND reviewer_id = ?")
                .params(applicationId, reviewerId)
                .update();
        for (QualityAssessment one : assessed) {
            jdbc.sql("""
                    INSERT INTO application_quality_assessment (application_id, reviewer_id, criterion, outcome,
                                                                reason, assessed_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(
                            applicationId,
                            reviewerId,
                            one.criterion().name(),
                            one.outcome().name(),
                            one.reason(),
                            utc(one.assessedAt()))
                    .update();
        }
    }

    /** The public quality record of the application. */
    QualityRecord record(long applicationId) {
        return QualityRecord.of(rules(applicationId), load(applicationId).statements(), assessments(applicationId));
    }

    private static List<Integer> goals(String joined) {
        if (joined == null || joined.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(
                Arrays.stream(joined.split(",")).map(Integer::valueOf).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
