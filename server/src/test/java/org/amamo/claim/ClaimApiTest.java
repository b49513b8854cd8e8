package org.amamo.claim;

import static org.amamo.testing.TestUsers.as;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

/** The secretariat checks a site over the API, records a determination in the browser; the public reads it. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ClaimApiTest {

    private static final String SITE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[152.5,42],[152.51,42],[152.51,42.01],[152.5,42.01],[152.5,42]]]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ClaimRegister claims;

    @Test
    void the_secretariat_checks_a_site_and_records_a_determination_that_the_public_reads() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        claims.submit(draft(9_200_001, 9_200_002), Instant.parse("2025-01-01T00:00:00Z"));
        claims.certify(9_200_002);

        mvc.perform(post("/api/v1/claims/check")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": 9200003, \"siteGeojson\": " + json(SITE)
                                + ", \"yearStarts\": [\"2024-06-01\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].otherApplicationId").value(9_200_002))
                .andExpect(jsonPath("$[0].otherStatus").value("CERTIFIED"));

        claims.submit(draft(9_200_003, 9_200_004), Instant.parse("2025-02-01T00:00:00Z"));
        mvc.perform(post("/secretariat/claims/determinations")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("applicationId", "9200004")
                        .param("otherApplicationId", "9200002")
                        .param("reason", ""))
                .andExpect(flash().attributeExists("refusals"));
        mvc.perform(post("/secretariat/claims/determinations")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("applicationId", "9200004")
                        .param("otherApplicationId", "9200002")
                        .param("reason", "Project 9200001's site was resurveyed; the overlap is open water."))
                .andExpect(flash().attribute("flash", "claim.determination.recorded"));

        mvc.perform(get("/api/v1/projects/{id}/claim-determinations", 9_200_001))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reason")
                        .value("Project 9200001's site was resurveyed; the overlap is open water."));
    }

    @Test
    void a_check_without_years_names_the_field() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);

        mvc.perform(post("/api/v1/claims/check")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": 1, \"yearStarts\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("yearStarts")));
    }

    @Test
    void the_report_page_lists_nothing_when_no_certified_claims_conflict() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);

        mvc.perform(get("/secretariat/claims").with(as(secretariat))).andExpect(status().isOk());
    }

    private static ClaimDraft draft(long project, long application) {
        return new ClaimDraft(
                application,
                project,
                "Project " + project,
                "JBC",
                SITE,
                ClaimDraft.years(List.of(LocalDate.parse("2024-04-01"))),
                List.of());
    }

    private static String json(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
