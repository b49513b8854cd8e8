package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.testing.TestProjects;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Use of proceeds (資金の使途): a certified project's owner records per fiscal year how the proceeds were used; the
 * reports are on the project page and in the open data, and the secretariat sees the years not reported.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ProceedsTest {

    @Autowired
    ProceedsService proceeds;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    AmamoPrincipal owner;
    long project;
    long application;
    int lastYear;

    @BeforeEach
    void aProjectCertifiedLastFiscalYear() {
        owner = users.create(users.organisation("使途漁協"), Role.APPLICANT);
        lastYear = proceeds.currentYear() - 1;
        project = TestProjects.certified(jdbc, owner.userId(), "使途の藻場", lastYear);
        application =
                jdbc.sql("SELECT MAX(id) FROM application").query(Long.class).single();
    }

    @Test
    void the_owner_records_a_year_and_it_is_public_on_the_page_in_the_api_and_the_csv() throws Exception {
        ok(proceeds.report(owner, project, entry(String.valueOf(lastYear), "1,200,000", "アマモの播種と潜水調査")));
        ok(proceeds.report(owner, project, entry(String.valueOf(lastYear), "", "アマモの播種、観察会")));

        assertThat(proceeds.ofProject(project))
                .as("reporting a year again replaces it")
                .singleElement()
                .satisfies(report -> {
                    assertThat(report.amountYen()).isNull();
                    assertThat(report.description()).isEqualTo("アマモの播種、観察会");
                });
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, methodology_version, created_at,
                                         updated_at)
                VALUES (?, ?, 'DRAFT', '使途の藻場', 'jbe-2.3', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").params(project, owner.userId()).update();
        long draft =
                jdbc.sql("SELECT MAX(id) FROM application").query(Long.class).single();
        mvc.perform(get("/applications/{id}", draft).with(TestUsers.as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"proceeds\"")))
                .andExpect(content().string(containsString("アマモの播種、観察会")));
        mvc.perform(get("/api/v1/projects/proceeds"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"activities\":[\"conservation\",\"monitoring\"]")));
        String csv = mvc.perform(get("/projects/proceeds.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFproject_code,project_name,fiscal_year,amount_jpy,activities,description,recorded_at");
        assertThat(csv).contains(String.format("%04d", project) + ",使途の藻場," + lastYear + ",,conservation monitoring,");
    }

    @Test
    void wrong_fields_are_refused_at_their_field_and_nothing_is_recorded() {
        Outcome<Void> refused = proceeds.report(
                owner,
                project,
                new ProceedsService.Entry(
                        String.valueOf(lastYear - 1), "12.5", List.of("fishing-trip"), "x".repeat(2001)));

        assertThat(refused.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(refused.refusals())
                .extracting(Refusal::field)
                .containsExactly("fiscalYear", "amountYen", "activities", "description");
        assertThat(proceeds.report(owner, project, entry(String.valueOf(lastYear + 2), "", "x"))
                        .refusals())
                .extracting(Refusal::field)
                .containsExactly("fiscalYear");
        assertThat(proceeds.report(
                                owner, project, new ProceedsService.Entry(String.valueOf(lastYear), "", List.of(), " "))
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("proceeds.activities.required", "proceeds.description.required");
        assertThat(proceeds.ofProject(project)).isEmpty();
    }

    @Test
    void only_the_projects_owner_records_and_only_once_it_is_certified() throws Exception {
        AmamoPrincipal other = users.create(Role.APPLICANT);
        assertThat(proceeds.report(other, project, entry(String.valueOf(lastYear), "", "x"))
                        .kind())
                .isEqualTo(RefusalKind.FORBIDDEN);
        mvc.perform(post("/projects/{id}/proceeds", project)
                        .with(TestUsers.as(other))
                        .with(csrf())
                        .param("fiscalYear", String.valueOf(lastYear))
                        .param("activities", "other")
                        .param("description", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/projects/{id}/proceeds", project).with(TestUsers.as(other)))
                .andExpect(status().isNotFound());
        jdbc.sql("UPDATE application SET status = 'WITHDRAWN' WHERE id = ?")
                .param(application)
                .update();
        assertThat(proceeds.report(owner, project, entry(String.valueOf(lastYear), "", "x"))
                        .kind())
                .isEqualTo(RefusalKind.CONFLICT);
    }

    @Test
    void the_web_form_shows_refusals_at_the_field_and_the_secretariat_sees_the_unreported_year() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        mvc.perform(get("/secretariat/proceeds").with(TestUsers.as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(String.format("%04d", project))));
        assertThat(proceeds.unreported())
                .filteredOn(unreported -> unreported.projectId() == project)
                .singleElement()
                .satisfies(unreported -> assertThat(unreported.missingYears()).containsExactly(lastYear));

        mvc.perform(post("/projects/{id}/proceeds", project)
                        .with(TestUsers.as(owner))
                        .with(csrf())
                        .param("fiscalYear", "last year")
                        .param("activities", "education")
                        .param("description", "観察会"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "fiscalYear", "proceeds.year.invalid"));
        mvc.perform(post("/projects/{id}/proceeds", project)
                        .with(TestUsers.as(owner))
                        .with(csrf())
                        .param("fiscalYear", String.valueOf(lastYear))
                        .param("amountYen", "50000")
                        .param("activities", "education")
                        .param("description", "観察会"))
                .andExpect(redirectedUrl("/projects/" + project + "/proceeds"));

        assertThat(proceeds.unreported()).noneMatch(unreported -> unreported.projectId() == project);
    }

    private static ProceedsService.Entry entry(String year, String amount, String description) {
        return new ProceedsService.Entry(year, amount, List.of("conservation", "monitoring"), description);
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
