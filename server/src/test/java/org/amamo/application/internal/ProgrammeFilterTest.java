package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every list of projects can be narrowed to one programme; an unknown programme shows them all. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ProgrammeFilterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;
    long jbc;
    long ybc;

    @BeforeEach
    void oneApplicationInEachProgramme() {
        applicant = users.create(Role.APPLICANT);
        jbc = draft("ジェイブルー藻場 " + System.nanoTime(), "JBC", "jbe-2.3");
        ybc = draft("横浜アマモ場 " + System.nanoTime(), "YBC", "yokohama-2019");
    }

    long draft(String name, String programme, String version) {
        long id = drafts.create(applicant, name);
        ApplicationForm form = applications.loadForm(id);
        form.setProgrammeCode(programme);
        form.getSheet().setMethodologyVersion(version);
        assertThat(drafts.save(applicant, id, form).refusals()).isEmpty();
        return id;
    }

    String name(long id) {
        return applications.find(id).orElseThrow().name();
    }

    String page(String path, AmamoPrincipal viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request = request.with(as(viewer));
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theSecretariatsListAndCsvNarrowToOneProgramme() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        assertThat(page("/secretariat/applications?programme=YBC", secretariat))
                .contains(name(ybc))
                .doesNotContain(name(jbc));
        assertThat(page("/secretariat/applications?programme=JBC", secretariat))
                .contains(name(jbc))
                .doesNotContain(name(ybc));
        assertThat(page("/secretariat/applications?programme=NOPE", secretariat))
                .contains(name(jbc), name(ybc));

        String csv = page("/secretariat/applications.csv?programme=YBC", secretariat);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",methodology_version,programme");
        assertThat(csv).contains(name(ybc)).doesNotContain(name(jbc));
        assertThat(csv.lines().filter(line -> line.contains(name(ybc))))
                .singleElement()
                .asString()
                .endsWith(",YBC");
    }

    @Test
    void thePublicListsNarrowToOneProgramme() throws Exception {
        jdbc.sql("""
                UPDATE application SET status = 'CERTIFIED', certified_units = 10, certified_result = '{}',
                       certified_version = methodology_version, certified_at = CURRENT_TIMESTAMP WHERE id IN (?, ?)
                """).params(jbc, ybc).update();
        assertThat(page("/projects/approved?programme=YBC", null))
                .contains(name(ybc))
                .doesNotContain(name(jbc));
        assertThat(page("/projects/approved", null)).contains(name(ybc), name(jbc));

        jdbc.sql("""
                UPDATE application SET status = 'PUBLIC_COMMENT', certified_units = NULL, certified_result = NULL,
                       certified_version = NULL, certified_at = NULL WHERE id IN (?, ?)
                """).params(jbc, ybc).update();
        assertThat(page("/projects/public-comment?programme=JBC&lang=en", null))
                .contains(name(jbc))
                .doesNotContain(name(ybc));
    }

    @Test
    void theMapAndItsGeoJsonNarrowToOneProgramme() throws Exception {
        try {
            mapChecks();
        } finally {
            // Other tests count the certified projects; these two go back to drafts.
            jdbc.sql("""
                    UPDATE application SET status = 'DRAFT', certified_units = NULL, certified_result = NULL,
                           certified_version = NULL, certified_at = NULL WHERE id IN (?, ?)
                    """).params(jbc, ybc).update();
        }
    }

    void mapChecks() throws Exception {
        jdbc.sql("""
                UPDATE application SET status = 'CERTIFIED', certified_units = 10, certified_result = '{}',
                       certified_version = methodology_version, certified_at = CURRENT_TIMESTAMP,
                       site_geojson = '{"type":"Point","coordinates":[139.62,35.34]}' WHERE id IN (?, ?)
                """).params(jbc, ybc).update();
        assertThat(page("/api/v1/projects/certified.geojson?programme=YBC", null))
                .contains(name(ybc), "\"programme\":\"YBC\"")
                .doesNotContain(name(jbc));
        assertThat(page("/api/v1/projects/certified.geojson?programme=NOPE", null))
                .contains(name(ybc), name(jbc));
        assertThat(page("/api/v1/projects/certified.geojson", null)).contains(name(ybc), name(jbc));
        assertThat(page("/map?programme=YBC", null)).contains("certified.geojson?programme=YBC");
        assertThat(page("/map?programme=NOPE", null)).doesNotContain("programme=NOPE");
    }
}
