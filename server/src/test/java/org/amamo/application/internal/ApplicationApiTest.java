package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ApplicationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void anApplicantDraftsThroughTheApiAndSubmissionListsWhatIsMissing() throws Exception {
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        String created = mvc.perform(post("/api/v1/applications")
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"干潟の保全\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(put("/api/v1/applications/{id}/form", id)
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"干潟の保全\",\"holders\":[{\"email\":\"" + applicant.email()
                                + "\",\"sharePercent\":\"120\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holders[0].sharePercent"));
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(applicant)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'siteGeojson')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'holders')]").exists());
        mvc.perform(get("/api/v1/applications/{id}", id).with(as(applicant)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void strangersAndThePublicDoNotSeeADraft() throws Exception {
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        AmamoPrincipal stranger = users.create(Role.APPLICANT);
        String created = mvc.perform(post("/api/v1/applications").with(as(applicant)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/applications/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
    }
}
