package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
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
 * The certification record (seed 001 table 5) at /projects/approved, its API and the projects CSV: certification
 * date, implementer and credit type, sorted by date or quantity; a bad sort is a 400 at its parameter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class CertificationRecordTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    String marker;

    @BeforeEach
    void threeCertifiedProjects() {
        marker = "記録" + System.nanoTime();
        AmamoPrincipal fishery = users.create(users.organisation("金沢漁協" + marker), Role.APPLICANT);
        certified(fishery, marker + "-A", 123, "2024-06-01 10:00:00+09:00");
        certified(fishery, marker + "-B", 45, "2025-03-31 23:30:00+09:00");
        certified(fishery, marker + "-C", 600, "2023-11-15 09:00:00+09:00");
    }

    @Test
    void the_order_is_the_newest_certification_first_unless_asked_otherwise() {
        assertThat(CertificationRecord.order(null, "").value()).isEqualTo(CertificationRecord.Order.DEFAULT);
        assertThat(CertificationRecord.order("Quantity", "ASC").value())
                .isEqualTo(new CertificationRecord.Order(CertificationRecord.SortKey.QUANTITY, true));
        assertThat(CertificationRecord.order("price", "up").refusals())
                .extracting(Refusal::field)
                .containsExactly("sort", "order");
    }

    @Test
    void the_api_names_the_certification_day_the_implementer_and_the_type_and_sorts_by_quantity() throws Exception {
        assertThat(names("/api/v1/projects/approved?sort=quantity&order=desc"))
                .containsExactly(marker + "-C", marker + "-A", marker + "-B");
        assertThat(names("/api/v1/projects/approved?sort=quantity&order=asc"))
                .containsExactly(marker + "-B", marker + "-A", marker + "-C");
        assertThat(names("/api/v1/projects/approved")).containsExactly(marker + "-B", marker + "-A", marker + "-C");
        assertThat(names("/api/v1/projects/approved?sort=date&order=asc"))
                .containsExactly(marker + "-C", marker + "-A", marker + "-B");

        JsonNode entry = mine("/api/v1/projects/approved?sort=date").get(0);
        assertThat(entry.get("certifiedOn").asText())
                .as("the day in Japan, though 14:30 UTC on the 31st")
                .isEqualTo("2025-03-31");
        assertThat(entry.get("implementer").asText()).isEqualTo("金沢漁協" + marker);
        assertThat(entry.get("creditType").asText()).isEqualTo("removal");
        assertThat(entry.get("certifiedUnits").asLong()).isEqualTo(45);
    }

    @Test
    void a_bad_sort_is_a_400_naming_the_parameter_in_the_api_and_a_message_at_the_field_on_the_page() throws Exception {
        mvc.perform(get("/api/v1/projects/approved?sort=price"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("sort")));
        mvc.perform(get("/api/v1/projects/approved?order=sideways"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("order")));
        mvc.perform(get("/projects/approved?sort=price").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Sort by one of: date, quantity.")))
                .andExpect(content().string(containsString("id=\"certification-record\"")));
    }

    @Test
    void the_page_shows_the_record_sorted_and_the_csv_adds_the_columns_at_the_end() throws Exception {
        String page = mvc.perform(get("/projects/approved?sort=quantity&order=asc"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("金沢漁協" + marker, "2025-03-31", "吸収");
        assertThat(page.indexOf(marker + "-B"))
                .isLessThan(page.indexOf(marker + "-A"))
                .isLessThan(page.indexOf(marker + "-C"));

        String csv =
                mvc.perform(get("/projects.csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains(",certified_at,url,certified_on,implementer,credit_type,programme,")
                .contains(",implementer_type,survey_methods,last_survey_on,coefficient_bases,");
        assertThat(csv.lines().filter(line -> line.contains(marker + "-B")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(",2025-03-31,金沢漁協" + marker + ",removal,JBC,"));
    }

    private List<String> names(String url) throws Exception {
        List<String> names = new ArrayList<>();
        mine(url).forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    /** This test's entries of the record, in the record's order. */
    private List<JsonNode> mine(String url) throws Exception {
        String body = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> entries = new ArrayList<>();
        json.readTree(body).forEach(entry -> {
            if (entry.get("name").asText().startsWith(marker)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private void certified(AmamoPrincipal owner, String name, long units, String at) {
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                .params(name, owner.userId())
                .update();
        long project = jdbc.sql("SELECT MAX(id) FROM project").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, prefecture, methodology_version,
                                         certified_units, certified_version, certified_at, created_at, updated_at,
                                         programme_code)
                VALUES (?, ?, 'CERTIFIED', ?, '14', 'jbe-2.3', ?, 'jbe-2.3', CAST(? AS TIMESTAMP WITH TIME ZONE),
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'JBC')
                """).params(project, owner.userId(), name, units, at).update();
    }
}
