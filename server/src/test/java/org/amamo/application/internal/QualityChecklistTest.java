package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Refusal;
import org.junit.jupiter.api.Test;

/** The applicant's statements on the Core Carbon Principles: limits on every save, all of them to submit. */
class QualityChecklistTest {

    @Test
    void theExampleStatementsAreCompleteAndWithinTheLimits() {
        assertThat(QualityChecklist.wrongFields(EelgrassForm.statements())).isEmpty();
        assertThat(QualityChecklist.missingFields(EelgrassForm.statements())).isEmpty();
        assertThat(QualityChecklist.missingFields(TugboatForm.statements())).isEmpty();
    }

    @Test
    void aStatementMayBeAsLongAsTheLimitButNotOneCharacterMore() {
        QualityForm quality = EelgrassForm.statements();
        quality.setAdditionality("a".repeat(QualityChecklist.TEXT_MAX));
        assertThat(QualityChecklist.wrongFields(quality)).isEmpty();
        quality.setNetZero("a".repeat(QualityChecklist.TEXT_MAX + 1));
        assertThat(QualityChecklist.wrongFields(quality))
                .extracting(Refusal::field, Refusal::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quality.netZero", "application.text.too-long"));
    }

    @Test
    void goalsAreTheSeventeenSdgsEachOnce() {
        QualityForm quality = EelgrassForm.statements();
        quality.setSdgs(new ArrayList<>(List.of(1, 17)));
        assertThat(QualityChecklist.wrongFields(quality)).isEmpty();
        for (List<Integer> wrong : List.of(List.of(0), List.of(18), List.of(14, 14))) {
            quality.setSdgs(new ArrayList<>(wrong));
            assertThat(QualityChecklist.wrongFields(quality))
                    .as(wrong.toString())
                    .extracting(Refusal::field)
                    .containsExactly("quality.sdgs");
        }
    }

    @Test
    void aSubmissionNeedsEveryStatementAndAtLeastOneGoal() {
        QualityForm blank = new QualityForm();
        blank.setAdditionality(" ");
        assertThat(QualityChecklist.missingFields(blank))
                .extracting(Refusal::field)
                .containsExactly(
                        "quality.additionality",
                        "quality.permanence",
                        "quality.permanenceMonitoring",
                        "quality.sustainableDevelopment",
                        "quality.noDoubleCounting",
                        "quality.netZero",
                        "quality.sdgs");
    }
}
