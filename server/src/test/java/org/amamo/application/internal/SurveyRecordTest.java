package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.SchemeTime;
import org.amamo.review.internal.ReviewDriver;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The survey record (issue 22 item 5, seed 002): each area component's survey methods, survey date and coefficient
 * basis type, and the application's implementer type, validated at their fields, kept beside the calculation sheet,
 * required at submission for applications submitted under the rule, and shown on the project's pages, in the API and
 * in the open-data CSV.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ReviewDriver.class})
class SurveyRecordTest {

    private static final String COMPONENT = "sheet.years[0].components[0].";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ReviewDriver review;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    AmamoPrincipal applicant;

    @BeforeEach
    void applicant() {
        applicant = users.create(users.organisation("金沢漁協"), Role.APPLICANT, Role.HOLDER);
    }

    @Test
    void aSurveyDateInTheFutureOrBefore1990IsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
        long id = drafts.create(applicant, "アマモ場");
        LocalDate tomorrow = LocalDate.now(clock.withZone(SchemeTime.ZONE)).plusDays(1);

        String future = formPost(id, Map.of(COMPONENT + "surveyDate", tomorrow.toString()));
        assertThat(future).contains("調査日が未来の日付です");
        String early = formPost(id, Map.of(COMPONENT + "surveyDate", "1989-12-31"));
        assertThat(early).contains("調査日は1990-01-01以降の日付を入力してください");

        ApplicationForm form = EelgrassForm.complete("アマモ場", "2.0", applicant.email());
        form.getSheet().getYears().get(0).getComponents().get(0).setSurveyDate(tomorrow);
        assertThat(drafts.save(applicant, id, form).refusals())
                .extracting(Refusal::field, Refusal::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(COMPONENT + "surveyDate", "survey.date.future"));
        assertThat(applications.loadForm(id).getOverview()).as("nothing saved").isNull();
    }

    @Test
    void unknownMethodsBasisTypesAndImplementerTypesAreRefusedAtTheirFieldsThroughTheApi() throws Exception {
        long id = drafts.create(applicant, "アマモ場");

        mvc.perform(put("/api/v1/applications/{id}/form", id)
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "アマモ場", "implementerType": "GUILD",
                                 "sheet": {"years": [{"start": "2025-04-01", "components": [{"id": "eelgrass",
                                   "method": "area", "surveyMethods": ["DRONE", "SONAR", "DRONE"],
                                   "coefficientBasisType": "GUESS", "surveyDate": "1980-05-01"}]}]}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'implementerType')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == '" + COMPONENT + "surveyMethods')].message")
                        .value(org.hamcrest.Matchers.hasItems("調査方法「SONAR」は選択肢にありません。", "同じ調査方法が2回以上選ばれています。")))
                .andExpect(jsonPath("$.errors[?(@.field == '" + COMPONENT + "coefficientBasisType')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == '" + COMPONENT + "surveyDate')]")
                        .exists());
        mvc.perform(get("/api/v1/applications/{id}/form", id).with(as(applicant)))
                .andExpect(jsonPath("$.implementerType").doesNotExist());
    }

    @Test
    void theRecordIsKeptBesideTheSheetAndReadBackByTheFormAndTheApi() throws Exception {
        long id = drafts.create(applicant, "アマモ場");
        ApplicationForm form = EelgrassForm.complete("アマモ場", "2.0", applicant.email());
        form.setImplementerType("MUNICIPALITY");
        SheetForm.ComponentForm component =
                form.getSheet().getYears().get(0).getComponents().get(0);
        component.setSurveyMethods(new ArrayList<>(List.of("DRONE", "ACOUSTIC")));
        component.setSurveyDate(LocalDate.of(2025, 6, 2));
        component.setCoefficientBasisType("MEASURED");
        ok(drafts.save(applicant, id, form));

        String sheet = jdbc.sql("SELECT sheet_json FROM application WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(sheet).as("the calculation sheet the methodology reads").doesNotContain("survey", "Basis");
        mvc.perform(get("/api/v1/applications/{id}/form", id).with(as(applicant)))
                .andExpect(jsonPath("$.implementerType").value("MUNICIPALITY"))
                .andExpect(jsonPath("$.sheet.years[0].components[0].surveyMethods[0]")
                        .value("DRONE"))
                .andExpect(jsonPath("$.sheet.years[0].components[0].surveyMethods[1]")
                        .value("ACOUSTIC"))
                .andExpect(jsonPath("$.sheet.years[0].components[0].surveyDate").value("2025-06-02"))
                .andExpect(jsonPath("$.sheet.years[0].components[0].coefficientBasisType")
                        .value("MEASURED"));
        String edit = mvc.perform(get("/applications/{id}/edit", id).with(as(applicant)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit)
                .containsPattern("value=\"DRONE\"[^>]*checked")
                .containsPattern("value=\"MUNICIPALITY\"[^>]*selected");
        String page = page(id, applicant).replaceAll("<[^>]+>", "");
        assertThat(page).contains("自治体", "空中ドローン、音響", "2025-06-02", "実測");
    }

    @Test
    void aNewApplicationIsSubmittedOnlyWithASurveyMethodForEachAreaComponent() {
        long id = drafts.create(applicant, "アマモ場");
        ApplicationForm form = EelgrassForm.complete("アマモ場", "2.0", applicant.email());
        form.getSheet().getYears().get(0).getComponents().get(0).setSurveyMethods(new ArrayList<>());
        ok(drafts.save(applicant, id, form));
        ok(attachments.store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));

        assertThat(submissions.move(applicant, id, WorkflowAction.SUBMIT, null).refusals())
                .extracting(Refusal::field, Refusal::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(COMPONENT + "surveyMethods", "survey.methods.required"));

        form.getSheet()
                .getYears()
                .get(0)
                .getComponents()
                .get(0)
                .setSurveyMethods(new ArrayList<>(List.of("SATELLITE")));
        ok(drafts.save(applicant, id, form));
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        assertThat(jdbc.sql("SELECT survey_required FROM application WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void anApplicationSubmittedBeforeTheSurveyRecordIsResubmittedWithoutOne() {
        long id = drafts.create(applicant, "アマモ場");
        ApplicationForm form = EelgrassForm.complete("アマモ場", "2.0", applicant.email());
        form.setImplementerType(null);
        form.getSheet().getYears().get(0).getComponents().get(0).setSurveyMethods(new ArrayList<>());
        form.getSheet().getYears().get(0).getComponents().get(0).setSurveyDate(null);
        ok(drafts.save(applicant, id, form));
        ok(attachments.store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));
        // As migration V26_1 leaves an application submitted and returned before it: no survey rule recorded.
        jdbc.sql("UPDATE application SET status = 'RETURNED', submitted_at = ?, survey_required = FALSE WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(30))), id)
                .update();

        ok(submissions.move(applicant, id, WorkflowAction.RESUBMIT, null));
    }

    @Test
    void aCertifiedProjectShowsItsSurveyOnItsPublicPageInTheApiAndAtTheEndOfTheCsv() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.committeeReviewer(null);
        long id = drafts.create(applicant, "野島 アマモ場");
        ApplicationForm form = EelgrassForm.complete("野島 アマモ場", "2.0", applicant.email());
        form.getSheet().getYears().get(0).setStart(LocalDate.of(2024, 4, 1));
        form.setImplementerType("PORT_AUTHORITY");
        SheetForm.ComponentForm component =
                form.getSheet().getYears().get(0).getComponents().get(0);
        component.setSurveyMethods(new ArrayList<>(List.of("UNDERWATER_PHOTO", "AERIAL_PHOTO")));
        component.setSurveyDate(LocalDate.of(2024, 9, 3));
        component.setCoefficientBasisType("LITERATURE");
        ok(drafts.save(applicant, id, form));
        ok(attachments.store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ok(submissions.confirmFee(secretariat, id, "INV-" + id));
        ok(review.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "野島", "記録を確認"));
        ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ok(review.startReview(secretariat, id));
        ok(review.recordReview(
                reviewer, id, "妥当", Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1"))));
        Instant now = clock.instant();
        ok(review.openPublicComment(secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
        ok(review.assessQualityAsMet(reviewer, id));
        ok(review.certify(reviewer, id, null));

        String english = mvc.perform(get("/applications/{id}", id).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("<[^>]+>", "");
        assertThat(english)
                .contains("Port authority", "Underwater photo or video, Aerial photo", "2024-09-03", "Literature");
        mvc.perform(get("/api/v1/projects/approved"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].implementerType").value("PORT_AUTHORITY"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].surveyMethods[0]").value("UNDERWATER_PHOTO"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].surveyMethods[1]").value("AERIAL_PHOTO"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].lastSurveyOn").value("2024-09-03"))
                .andExpect(
                        jsonPath("$[?(@.id == " + id + ")].coefficientBases[0]").value("LITERATURE"));
        List<String> csv = mvc.perform(get("/projects.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(Arrays.asList(csv.get(0).replace("\uFEFF", "").split(",")))
                .as("the columns before stay as they were; the survey record's are added at the end")
                .startsWith(
                        "project_code",
                        "application_id",
                        "name",
                        "prefecture",
                        "ecosystems",
                        "certified_fiscal_year",
                        "certified_t_co2",
                        "site_area_ha",
                        "methodology_version",
                        "certified_at",
                        "url",
                        "certified_on",
                        "implementer",
                        "credit_type",
                        "programme")
                .containsSubsequence("implementer_type", "survey_methods", "last_survey_on", "coefficient_bases");
        assertThat(csv)
                .anySatisfy(row -> assertThat(row)
                        .contains("," + id + ",")
                        .contains(",PORT_AUTHORITY,UNDERWATER_PHOTO AERIAL_PHOTO,2024-09-03,LITERATURE,"));
    }

    private String formPost(long id, Map<String, String> fields) throws Exception {
        var request = post("/applications/{id}/edit", id).with(as(applicant)).with(csrf());
        request.param("name", "アマモ場");
        request.param("sheet.years[0].start", "2025-04-01");
        request.param(COMPONENT + "id", "eelgrass");
        request.param(COMPONENT + "method", "area");
        fields.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(long id, AmamoPrincipal viewer) throws Exception {
        return mvc.perform(get("/applications/{id}", id).with(as(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
