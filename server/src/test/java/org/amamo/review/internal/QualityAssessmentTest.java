package org.amamo.review.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.Applications;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityOutcome;
import org.amamo.application.internal.ApplicationDriver;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Each assigned reviewer assesses each criterion of the Core Carbon Principles with a reason; nobody else may.
 * Certification waits for every reviewer's assessment of every criterion and none "does not meet"; the record is
 * then public on the project page, in the API and in the projects CSV.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ApplicationDriver.class})
class QualityAssessmentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationDriver drafts;

    @Autowired
    HearingService hearings;

    @Autowired
    CommitteeService committee;

    @Autowired
    FindingsService findings;

    @Autowired
    PublicCommentService comments;

    @Autowired
    CertificationService certification;

    @Autowired
    QualityAssessmentService quality;

    @Autowired
    Applications applications;

    @Autowired
    TestUsers users;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    AmamoPrincipal secretariat;
    AmamoPrincipal reviewer;
    AmamoPrincipal second;
    long id;

    @BeforeEach
    void inReviewWithTwoReviewers() {
        AmamoPrincipal applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
        reviewer = users.committeeReviewer(null);
        second = users.committeeReviewer(null);
        id = drafts.feeConfirmed(applicant, secretariat, "JBC", "jbe-2.3");
        ok(hearings.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "海の公園", "記録"));
        ok(committee.assignReviewer(secretariat, id, reviewer.userId()));
        ok(committee.assignReviewer(secretariat, id, second.userId()));
        ok(committee.startReview(secretariat, id, null));
    }

    @Test
    void aReviewerMustGiveEveryCriterionAnOutcomeAndAReason() throws Exception {
        Map<String, String> fields = allMet("潜水調査の記録で確認した。");
        fields.remove("outcome-net-zero");
        fields.put("reason-additionality", " ");
        MvcResult refused = assess(reviewer, fields);
        assertThat(refusals(refused))
                .extracting(Refusal::field)
                .containsExactlyInAnyOrder("reason-additionality", "outcome-net-zero");
        assertThat(applications.qualityAssessments(id)).isEmpty();

        fields.put("outcome-net-zero", "SOMETIMES");
        assertThat(refusals(assess(reviewer, fields)))
                .extracting(Refusal::field)
                .contains("outcome-net-zero");
        fields.put("reason-permanence", "a".repeat(QualityAssessmentService.REASON_MAX + 1));
        assertThat(refusals(assess(reviewer, fields)))
                .extracting(Refusal::field)
                .contains("reason-permanence");

        String page = page(reviewer, refused, "en");
        assertThat(page)
                .contains("Assessment against the Core Carbon Principles")
                .contains("Choose meets, does not meet or not applicable.")
                .contains("潜水調査の記録で確認した。</textarea>");

        MvcResult recorded = assess(reviewer, allMet("潜水調査の記録で確認した。"));
        assertThat(recorded.getFlashMap().get("flash")).isEqualTo("quality.assessment.recorded");
        assertThat(applications.qualityAssessments(id))
                .hasSize(QualityCriterion.values().length)
                .allSatisfy(a -> assertThat(a.reviewerId()).isEqualTo(reviewer.userId()));
        assertThat(page(reviewer, null, "en")).containsPattern("id=\"outcome-net-zero-MEETS\"[^>]*checked");
    }

    @Test
    void someoneNotAssignedToTheApplicationIsRefusedAndNothingChanges() throws Exception {
        AmamoPrincipal outsider = users.committeeReviewer(null);
        MvcResult refused = assess(outsider, allMet("確認した。"));
        assertThat(refusals(refused)).extracting(Refusal::messageKey).containsExactly("workflow.not-yours");
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        var request = post("/applications/" + id + "/quality-assessment")
                .with(as(applicant))
                .with(csrf());
        allMet("確認した。").forEach(request::param);
        mvc.perform(request).andExpect(status().isForbidden());
        assertThat(applications.qualityAssessments(id)).isEmpty();

        Outcome<Void> service = assessAll(secretariat, QualityOutcome.MEETS);
        assertThat(service.kind()).isEqualTo(RefusalKind.FORBIDDEN);
        assertThat(applications.qualityAssessments(id)).isEmpty();
    }

    @Test
    void certificationWaitsForEveryReviewersAssessmentAndNoCriterionNotMet() throws Exception {
        ok(assessAll(reviewer, QualityOutcome.MEETS));
        commentWindowClosed();

        Outcome<Void> missing = certification.certify(reviewer, id, null);
        assertThat(missing.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(missing.refusals()).hasSize(QualityCriterion.values().length);
        assertThat(missing.refusals().get(0).message(messages, Locale.ENGLISH))
                .contains(second.fullName())
                .contains("has not yet assessed")
                .contains("Additionality");
        MvcResult refusedPage = mvc.perform(post("/applications/" + id + "/actions/CERTIFY")
                        .with(as(reviewer))
                        .with(csrf()))
                .andReturn();
        assertThat(refusals(refusedPage)).extracting(Refusal::messageKey).contains("quality.certify.not-assessed");

        Map<String, String> notMet = allMet("確認した。");
        notMet.put("outcome-no-double-counting", "DOES_NOT_MEET");
        notMet.put("reason-no-double-counting", "隣の海域の申請と重なる。");
        assess(second, notMet);
        Outcome<Void> refused = certification.certify(reviewer, id, null);
        assertThat(refused.refusals()).extracting(Refusal::messageKey).containsExactly("quality.certify.does-not-meet");
        assertThat(refused.refusals().get(0).message(messages, Locale.JAPANESE)).contains("二重計上のないこと");
        assertThat(statusOf()).isEqualTo(ApplicationStatus.PUBLIC_COMMENT);

        notMet.put("outcome-no-double-counting", "NOT_APPLICABLE");
        notMet.put("reason-no-double-counting", "重なりは解消済み。");
        assess(second, notMet);
        ok(certification.certify(reviewer, id, null));
        assertThat(statusOf()).isEqualTo(ApplicationStatus.CERTIFIED);
    }

    @Test
    void anApplicationSubmittedBeforeTheChecklistIsCertifiedWithoutAssessment() {
        jdbc.sql("UPDATE application SET quality_rules = 'BEFORE_CHECKLIST' WHERE id = ?")
                .param(id)
                .update();
        commentWindowClosed();
        ok(certification.certify(reviewer, id, null));
        assertThat(statusOf()).isEqualTo(ApplicationStatus.CERTIFIED);
    }

    @Test
    void theCertifiedRecordIsPublicOnThePageInTheApiAndInTheCsv() throws Exception {
        ok(assessAll(reviewer, QualityOutcome.MEETS));
        Map<String, String> second = allMet("第二審査員として確認した。");
        second.put("outcome-permanence", "NOT_APPLICABLE");
        assess(this.second, second);
        commentWindowClosed();
        ok(certification.certify(reviewer, id, null));

        String page = mvc.perform(get("/applications/" + id).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String record = page.substring(page.indexOf("id=\"quality-record\""));
        assertThat(record)
                .contains("Additionality", "Consistency with net zero", "Goal 14 Life below water")
                .contains("Reviewer 1", "Reviewer 2", "Meets", "Not applicable", "第二審査員として確認した。")
                .doesNotContain(reviewer.fullName());

        mvc.perform(get("/api/v1/projects/approved"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].quality.rules").value("CCP_CHECKLIST"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].quality.statements.sdgs[0]", contains(4)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].quality.assessments[*].outcome", hasSize(10)));

        String csv = mvc.perform(get("/projects.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String header = csv.lines().findFirst().orElseThrow().replace("\uFEFF", "");
        assertThat(header)
                .startsWith("project_code,application_id,name")
                .contains(",programme,quality_rules,ccp_additionality,ccp_additionality_assessments,ccp_permanence,"
                        + "ccp_permanence_monitoring,ccp_permanence_assessments,ccp_sustainable_development,ccp_sdgs,"
                        + "ccp_sustainable_development_assessments,ccp_no_double_counting,"
                        + "ccp_no_double_counting_assessments,ccp_net_zero,ccp_net_zero_assessments,");
        String row = csv.lines()
                .filter(line -> line.contains(",/applications/" + id + ","))
                .findFirst()
                .orElseThrow();
        assertThat(row).contains("CCP_CHECKLIST", "4 13 14", "1:MEETS:申請者の説明を確認した。 | 2:NOT_APPLICABLE:第二審査員として確認した。");
    }

    private void commentWindowClosed() {
        ok(findings.recordReview(
                reviewer, id, "所見", Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1"))));
        ok(findings.recordReview(
                second, id, "所見", Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1"))));
        Instant now = clock.instant();
        ok(comments.open(secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
    }

    private Outcome<Void> assessAll(AmamoPrincipal who, QualityOutcome outcome) {
        Map<String, QualityAssessmentService.Given> given = new LinkedHashMap<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            given.put(criterion.code(), new QualityAssessmentService.Given(outcome.name(), "申請者の説明を確認した。"));
        }
        return quality.assess(who, id, given);
    }

    private static Map<String, String> allMet(String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            fields.put("outcome-" + criterion.code(), "MEETS");
            fields.put("reason-" + criterion.code(), reason);
        }
        return fields;
    }

    private MvcResult assess(AmamoPrincipal who, Map<String, String> fields) throws Exception {
        var request = post("/applications/" + id + "/quality-assessment")
                .with(as(who))
                .with(csrf());
        fields.forEach(request::param);
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
    }

    /** The application page, after {@code posted} (null: none) in the same session, which keeps its flash. */
    private String page(AmamoPrincipal who, MvcResult posted, String language) throws Exception {
        var request = get("/applications/" + id).with(as(who)).param("lang", language);
        if (posted != null) {
            request.cookie(posted.getResponse().getCookies());
            request.session((org.springframework.mock.web.MockHttpSession)
                    posted.getRequest().getSession());
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Refusal> refusals(MvcResult result) {
        Object refusals = result.getFlashMap().get("refusals");
        assertThat(refusals).as("refusals in the flash").isNotNull();
        return ((List<?>) refusals).stream().map(Refusal.class::cast).toList();
    }

    private ApplicationStatus statusOf() {
        return applications.find(id).orElseThrow().status();
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
