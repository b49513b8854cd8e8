package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner rule end to end: a municipality's complete application to the Yokohama programme is refused at
 * submission, at {@code programmeCode} with the rule stated, while the municipality is not on the administrator's
 * partner list, and is accepted once it is.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class PartnerSubmissionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DraftService drafts;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal administrator;
    AmamoPrincipal municipalityUser;

    @BeforeEach
    void aMunicipalityThatIsNotYetAPartner() throws Exception {
        administrator = users.create(Role.ADMINISTRATOR);
        long city = users.organisation("横浜市 環境創造局");
        String corporateNumber = String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
        jdbc.sql("UPDATE organisation SET corporate_number = ? WHERE id = ?")
                .params(corporateNumber, city)
                .update();
        municipalityUser = users.create(city, Role.APPLICANT, Role.HOLDER);
        mvc.perform(post("/admin/programmes/YBC/municipalities")
                        .with(as(administrator))
                        .with(csrf())
                        .param("corporateNumber", corporateNumber)
                        .param("markedCode", "141003"))
                .andExpect(status().is3xxRedirection());
        partner("131016", "千代田区");
    }

    @AfterEach
    void emptyTheList() {
        jdbc.sql("DELETE FROM programme_partner").update();
        jdbc.sql("DELETE FROM municipality_organisation").update();
    }

    @Test
    void aMunicipalityThatIsNotAPartnerIsRefusedAtTheProgrammeAndAcceptedOnceItIsOne() throws Exception {
        long id = completeYokohamaDraft();

        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id)
                        .with(as(municipalityUser))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("programmeCode"))
                .andExpect(jsonPath("$.errors[0].message", containsString("141003")));
        mvc.perform(get("/api/v1/applications/{id}", id).with(as(municipalityUser)))
                .andExpect(jsonPath("$.status").value("DRAFT"));

        partner("141003", "横浜市");
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(municipalityUser)))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/v1/applications/{id}", id).with(as(municipalityUser)))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    private long completeYokohamaDraft() {
        ApplicationForm form = EelgrassForm.complete("横浜市 アマモ場", "2.0", municipalityUser.email());
        form.setProgrammeCode("YBC");
        form.getSheet().setMethodologyVersion("yokohama-2019");
        long id = drafts.create(municipalityUser, form.getName());
        ApplicationWorkflowTest.ok(drafts.save(municipalityUser, id, form));
        ApplicationWorkflowTest.ok(attachments.store(
                id, municipalityUser.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));
        return id;
    }

    private void partner(String code, String name) throws Exception {
        mvc.perform(post("/admin/programmes/YBC/partners")
                        .with(as(administrator))
                        .with(csrf())
                        .param("municipalityCode", code)
                        .param("name", name)
                        .param(
                                "latestExchangeOn",
                                LocalDate.now(SchemeTime.ZONE).toString()))
                .andExpect(status().is3xxRedirection());
    }
}
