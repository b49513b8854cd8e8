package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.amamo.application.ApplicationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
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
 * The applicant's statements on the Core Carbon Principles (issue 22 item 1): saved with the form, refused at their
 * field when too long or naming an unknown goal, required to submit an application held to the checklist, and not
 * asked of an application submitted before it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class QualityStatementsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    QualityStore quality;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    AmamoPrincipal applicant;

    @BeforeEach
    void applicant() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
    }

    /** A complete eelgrass draft with its evidence, and these statements. */
    long draft(QualityForm statements) {
        ApplicationForm form = EelgrassForm.complete("アマモ場", "2.0", applicant.email());
        form.setQuality(statements);
        long id = drafts.create(applicant, form.getName());
        assertThat(drafts.save(applicant, id, form).refusals()).isEmpty();
        assertThat(attachments
                        .store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF)
                        .refusals())
                .isEmpty();
        return id;
    }

    @Test
    void theStatementsAreSavedWithTheFormAndShownOnTheApplicationPage() throws Exception {
        long id = draft(EelgrassForm.statements());
        mvc.perform(get("/api/v1/applications/{id}/form", id).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quality.sdgs[0]").value(4))
                .andExpect(jsonPath("$.quality.permanenceMonitoring")
                        .value(EelgrassForm.statements().getPermanenceMonitoring()));
        String page = mvc.perform(
                        get("/applications/{id}", id).with(as(applicant)).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Core Carbon Principles (ICVCM)", "Additionality", "Goal 14 Life below water")
                .contains(EelgrassForm.statements().getNetZero());
    }

    @Test
    void aStatementTooLongOrAnUnknownGoalIsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
        long id = draft(EelgrassForm.statements());
        String page = mvc.perform(post("/applications/{id}/edit", id)
                        .with(as(applicant))
                        .with(csrf())
                        .param("lang", "en")
                        .param("name", "アマモ場")
                        .param("quality.additionality", "a".repeat(QualityChecklist.TEXT_MAX + 1))
                        .param("quality.sdgs", "14", "18"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern("id=\"quality.additionality-errors\"[^>]*>\\s*<span>Enter at most")
                .contains("Choose goals from 1 to 17, each once.")
                .contains("href=\"#quality-sdgs\"");
        assertThat(quality.load(id).getAdditionality())
                .isEqualTo(EelgrassForm.statements().getAdditionality());

        ApplicationForm form = applications.loadForm(id);
        form.getQuality().setSdgs(java.util.List.of(0));
        mvc.perform(put("/api/v1/applications/{id}/form", id)
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(form)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quality.sdgs"));
        assertThat(quality.load(id).getSdgs()).containsExactly(4, 13, 14);
    }

    @Test
    void aSubmissionUnderTheChecklistListsEveryMissingStatement() throws Exception {
        long id = draft(new QualityForm());
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(applicant)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'quality.additionality')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'quality.permanenceMonitoring')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'quality.sdgs')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'quality.netZero')]").exists());
        assertThat(applications.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.DRAFT);

        ApplicationForm form = applications.loadForm(id);
        form.setQuality(EelgrassForm.statements());
        assertThat(drafts.save(applicant, id, form).refusals()).isEmpty();
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void anApplicationSubmittedBeforeTheChecklistIsNotAskedForStatements() throws Exception {
        long id = draft(new QualityForm());
        // As the migration records an application submitted before the checklist.
        jdbc.sql("UPDATE application SET quality_rules = 'BEFORE_CHECKLIST' WHERE id = ?")
                .param(id)
                .update();
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        String page = mvc.perform(
                        get("/applications/{id}", id).with(as(applicant)).param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("submitted before the Core Carbon Principles checklist");
    }

    @Test
    void aNewDraftIsHeldToTheChecklist() {
        long id = drafts.create(applicant, "新しいアマモ場");
        assertThat(quality.rules(id).checklist()).isTrue();
    }
}
