package org.amamo.disclosure;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 002's breakdown of the certification record (t-CO2 and hectares by ecosystem, prefecture, implementer type,
 * survey method and coefficient basis type) computed from known certified projects, on /statistics, per table as
 * CSV and as JSON; and seed 001's users of offsets per fiscal year and purpose.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
@DirtiesContext
class CertificationBreakdownTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CreditIssuance issuance;

    /** A row of a table: projects, t-CO2, hectares. */
    record Row(int projects, BigDecimal tonnes, BigDecimal hectares) {

        Row minus(Row before) {
            return new Row(
                    projects - before.projects, tonnes.subtract(before.tonnes), hectares.subtract(before.hectares));
        }
    }

    @Test
    void certifiedTonnesAndHectaresAreSummedByEachDimensionOfSeed002() throws Exception {
        Map<String, Map<String, Row>> before = tables();
        long owner = users.create(Role.APPLICANT).userId();
        long p1 = certified(owner, "47", "FISHERY_COOPERATIVE", 123, "7.8", null, List.of("seagrass"));
        survey(p1, 0, "UNDERWATER_PHOTO,DRONE", "2025-08-20", "LITERATURE");
        long p2 = certified(owner, "47", "NPO", 50, "2.5", null, List.of("seagrass", "seaweed"));
        survey(p2, 0, "DRONE", null, "MEASURED");
        certified(
                owner,
                "01",
                "COMPANY",
                1032,
                null,
                "{\"type\":\"reduction\",\"years\":[{\"components\":[{\"method\":\"reduction-fuel-switch\"}]}]}",
                List.of());
        // Certified before the survey record: nothing recorded.
        certified(owner, "01", null, 10, "1.0", null, List.of("tidal-flat"));

        Map<String, Map<String, Row>> after = tables();

        assertThat(added(before, after, "ecosystem"))
                .containsEntry("seagrass", row(1, "12.3", "7.8"))
                .containsEntry("seagrass+seaweed", row(1, "5.0", "2.5"))
                .containsEntry("reduction-fuel-switch", row(1, "103.2", "0.0"))
                .containsEntry("tidal-flat", row(1, "1.0", "1.0"));
        assertThat(added(before, after, "prefecture"))
                .containsEntry("47", row(2, "17.3", "10.3"))
                .containsEntry("01", row(2, "104.2", "1.0"));
        assertThat(added(before, after, "implementerType"))
                .containsEntry("FISHERY_COOPERATIVE", row(1, "12.3", "7.8"))
                .containsEntry("NPO", row(1, "5.0", "2.5"))
                .containsEntry("COMPANY", row(1, "103.2", "0.0"))
                .containsEntry("unknown", row(1, "1.0", "1.0"));
        assertThat(added(before, after, "surveyMethod"))
                .as("removals only; a project counts under each of its methods")
                .containsEntry("DRONE", row(2, "17.3", "10.3"))
                .containsEntry("UNDERWATER_PHOTO", row(1, "12.3", "7.8"))
                .containsEntry("unknown", row(1, "1.0", "1.0"))
                .doesNotContainKey("SATELLITE");
        assertThat(added(before, after, "coefficientBasis"))
                .containsEntry("LITERATURE", row(1, "12.3", "7.8"))
                .containsEntry("MEASURED", row(1, "5.0", "2.5"))
                .containsEntry("unknown", row(1, "1.0", "1.0"));

        String csv = text("/statistics/certified/implementer-type.csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFimplementer_type,projects,t_co2,hectares");
        Row company = after.get("implementerType").get("COMPANY");
        assertThat(lines).contains("COMPANY," + company.projects() + "," + company.tonnes() + "," + company.hectares());
        assertThat(lines.get(lines.size() - 1)).startsWith("unknown,");
        assertThat(text("/statistics/certified/survey-method.csv")).startsWith("\uFEFFsurvey_method,projects,t_co2,");
        mvc.perform(get("/statistics/certified/owner.csv")).andExpect(status().isNotFound());

        String page = text("/statistics");
        assertThat(page)
                .contains("id=\"certified-by-prefecture\"", "沖縄県", "NPO・市民団体", "空中ドローン", "文献値")
                .contains("href=\"/statistics/certified/survey-method.csv\"");
        assertThat(mvc.perform(get("/statistics").param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("By survey method", "Okinawa", "Fishery cooperative", "Not recorded");
    }

    @Test
    void usersOfOffsetsAreTheDistinctBeneficiariesOfAFiscalYearPerPurposeAndInAll() throws Exception {
        AmamoPrincipal holder = users.create(Role.HOLDER);
        long account = issue(holder);
        // Fiscal 2037 in Japan, so that no other test's retirement counts.
        retireIn2037(holder, account, "横浜市", "EVENT");
        retireIn2037(holder, account, " 横浜市　", "CORPORATE");
        retireIn2037(holder, account, "ＡＢＣ株式会社", "EVENT");
        retireIn2037(holder, account, "abc株式会社", "EVENT");
        retireIn2037(holder, account, "港南 太郎", "INDIVIDUAL");

        JsonNode years = json.readTree(text("/api/v1/statistics/offsets/users"));
        JsonNode year = null;
        for (JsonNode candidate : years) {
            if (candidate.path("fiscalYear").asInt() == 2037) {
                year = candidate;
            }
        }
        assertThat(year).isNotNull();
        assertThat(year.path("byPurpose").path("EVENT").asInt()).isEqualTo(2);
        assertThat(year.path("byPurpose").path("CORPORATE").asInt()).isEqualTo(1);
        assertThat(year.path("byPurpose").path("INDIVIDUAL").asInt()).isEqualTo(1);
        assertThat(year.path("byPurpose").path("PRODUCT").asInt()).isZero();
        assertThat(year.path("total").asInt()).as("横浜市 once across purposes").isEqualTo(3);

        assertThat(text("/statistics/offsets/users.csv").lines())
                .startsWith("\uFEFFfiscal_year,source,purpose,users")
                .contains(
                        "2037,system,event,2",
                        "2037,system,corporate,1",
                        "2037,system,product,0",
                        "2037,system,total,3");
        assertThat(text("/statistics")).contains("id=\"usage-users\"");
    }

    @Test
    void anImportedYearShowsTheUsersItsHistoryCsvGivesAndAWrongUsersCellImportsNothing() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String header = "programme,fiscal_year,record,credit_type,organisation,description,t_co2,users\n";

        importHistory(
                secretariat,
                header + "YBC,2035,certification,removal,横浜市,アマモ場,1.0,4\n" + "YBC,2035,offset,,活用者 3者,実績,10.0,3\n");
        assertThat(text("/statistics/offsets/users.csv")).doesNotContain("2035,");

        importHistory(
                secretariat,
                header + "YBC,2036,offset,,活用者 3者,実績,10.0,3\n"
                        + "YBC,2036,offset,,活用者 2者,実績,5.0,2\n"
                        + "YBC,2036,offset,,人数の記録なし,実績,1.0,\n");
        assertThat(text("/statistics/offsets/users.csv").lines()).contains("2036,imported,total,5");
        JsonNode years = json.readTree(
                mvc.perform(get("/api/v1/statistics/offsets/users").param("programme", "YBC"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(years.findValues("fiscalYear").stream().map(JsonNode::asInt)).contains(2036);
        assertThat(text("/programmes/YBC/statistics")).contains("id=\"usage-users\"");
    }

    private void importHistory(AmamoPrincipal secretariat, String csv) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/secretariat/programmes/history")
                .file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "history.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as(secretariat))
                .with(csrf()));
    }

    private long issue(AmamoPrincipal holder) {
        IssuanceResult result = issuance.issue(new IssuanceRequest(
                9301,
                "9301",
                "利用者の集計",
                "JBC",
                2024,
                "jbe-2.3",
                CreditType.REMOVAL,
                "JBE",
                100,
                List.of(InitialHolder.user(holder.userId(), "100")),
                "users-9301"));
        assertThat(result.refusals()).isEmpty();
        return result.allocations().get(0).accountId();
    }

    private void retireIn2037(AmamoPrincipal holder, long account, String beneficiary, String purpose)
            throws Exception {
        String location = mvc.perform(post("/account/registry/accounts/" + account + "/retire")
                        .with(as(holder))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "1.0")
                        .param("beneficiary", beneficiary)
                        .param("purpose", purpose)
                        .param("emissionsOffset", "イベントの電力")
                        .param("offsetTonnesCo2", "100")
                        .param("offsetCoverage", "PART")
                        .param("reportingYear", "2037"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long retirement = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        jdbc.sql("UPDATE registry_retirement SET retired_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.parse("2037-06-01T00:00:00Z")), retirement)
                .update();
    }

    private long certified(
            long owner,
            String prefecture,
            String implementerType,
            long units,
            String hectares,
            String sheet,
            List<String> ecosystems) {
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES ('内訳', ?, CURRENT_TIMESTAMP)")
                .param(owner)
                .update();
        long project = jdbc.sql("SELECT MAX(id) FROM project").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, methodology_version, certified_units,
                                         certified_version, certified_at, created_at, updated_at, prefecture,
                                         site_area_ha, sheet_json, implementer_type)
                VALUES (?, ?, 'CERTIFIED', '内訳', 'jbe-2.3', ?, 'jbe-2.3', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
                        CURRENT_TIMESTAMP, ?, ?, ?, ?)
                """)
                .params(
                        project,
                        owner,
                        units,
                        prefecture,
                        hectares == null ? null : new BigDecimal(hectares),
                        sheet,
                        implementerType)
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM application").query(Long.class).single();
        for (int i = 0; i < ecosystems.size(); i++) {
            jdbc.sql("""
                    INSERT INTO application_plant (application_id, position, ecosystem, species, formula, aquaculture)
                    VALUES (?, ?, ?, '種', 'area', FALSE)""").params(id, i, ecosystems.get(i)).update();
        }
        return id;
    }

    private void survey(long application, int component, String methods, String date, String basis) {
        jdbc.sql("""
                INSERT INTO application_component_survey (application_id, year_position, component_position, methods,
                                                          survey_date, coefficient_basis)
                VALUES (?, 0, ?, ?, ?, ?)""")
                .params(application, component, methods, date == null ? null : java.time.LocalDate.parse(date), basis)
                .update();
    }

    private Map<String, Map<String, Row>> tables() throws Exception {
        JsonNode tables = json.readTree(text("/api/v1/statistics/certified"));
        Map<String, Map<String, Row>> result = new HashMap<>();
        for (String name : List.of("ecosystem", "prefecture", "implementerType", "surveyMethod", "coefficientBasis")) {
            Map<String, Row> rows = new HashMap<>();
            tables.path(name)
                    .forEach(group -> rows.put(
                            group.path("group").asText(),
                            new Row(
                                    group.path("projects").asInt(),
                                    group.path("tonnes").decimalValue(),
                                    group.path("hectares").decimalValue())));
            result.put(name, rows);
        }
        return result;
    }

    private static Map<String, Row> added(
            Map<String, Map<String, Row>> before, Map<String, Map<String, Row>> after, String table) {
        Map<String, Row> added = new HashMap<>();
        Row none = row(0, "0.0", "0.0");
        after.get(table).forEach((group, row) -> {
            Row difference = row.minus(before.get(table).getOrDefault(group, none));
            if (difference.projects() != 0) {
                added.put(group, difference);
            }
        });
        return added;
    }

    private static Row row(int projects, String tonnes, String hectares) {
        return new Row(projects, new BigDecimal(tonnes), new BigDecimal(hectares));
    }

    private String text(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
