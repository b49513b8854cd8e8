package org.amamo.disclosure;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The public statistics with the secretariat's imported records of earlier years (seed 002's table). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
@DirtiesContext
class DisclosureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    void importYear(AmamoPrincipal secretariat, String year, String sites, String tonnes, String hectares, String price)
            throws Exception {
        mvc.perform(post("/secretariat/statistics/history")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("fiscalYear", year)
                        .param("certifiedSites", sites)
                        .param("certifiedTonnes", tonnes)
                        .param("certifiedHectares", hectares)
                        .param("averagePriceJpy", price)
                        .param("source", "JBE これまでの認証実績"))
                .andExpect(redirectedUrl("/secretariat/statistics/history"));
    }

    @Test
    void importedYearsAppearInThePublicStatisticsMarkedAsImported() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        importYear(secretariat, "2020", "1", "22.8", "10.6", "13157");
        importYear(secretariat, "2021", "4", "80.4", "30.0", "72816");
        importYear(secretariat, "2022", "21", "3733.1", "1100.4", "84198");

        mvc.perform(get("/api/v1/statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fiscalYear").value(2020))
                .andExpect(jsonPath("$[0].certifiedTonnes").value(22.8))
                .andExpect(jsonPath("$[0].imported").value(true))
                .andExpect(jsonPath("$[2].certifiedSites").value(21))
                .andExpect(jsonPath("$[2].certifiedHectares").value(1100.4));
        String csv =
                mvc.perform(get("/statistics.csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines())
                .startsWith(
                        "\uFEFFfiscal_year,source,sites,t_co2,hectares,average_price_jpy,reported_average_price_jpy,"
                                + "removal_t_co2,reduction_t_co2,exchange_average_price_jpy",
                        "2020,imported,1,22.8,10.6,13157,,,,",
                        "2021,imported,4,80.4,30.0,72816,,,,",
                        "2022,imported,21,3733.1,1100.4,84198,,,,");
    }

    @Test
    void theCsvKeepsItsColumnsAndAddsTheSplitByCreditTypeAndTheExchangePriceAtTheEnd() throws Exception {
        String header = mvc.perform(get("/statistics.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(header.replace("\uFEFF", "").split(","))
                .containsExactly(
                        "fiscal_year",
                        "source",
                        "sites",
                        "t_co2",
                        "hectares",
                        "average_price_jpy",
                        "reported_average_price_jpy",
                        "removal_t_co2",
                        "reduction_t_co2",
                        "exchange_average_price_jpy");
    }

    @Test
    void aProgrammesImportedCertificationsAreSplitIntoRemovalsAndReductions() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        history(secretariat, 2031, "CERTIFICATION", "REMOVAL", "12.3");
        history(secretariat, 2031, "CERTIFICATION", "REMOVAL", "5.6");
        history(secretariat, 2031, "CERTIFICATION", "REDUCTION", "1.0");
        history(secretariat, 2031, "OFFSET", null, "9.9");

        mvc.perform(get("/api/v1/statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.fiscalYear == 2031)].programmeCode").value("YBC"))
                .andExpect(
                        jsonPath("$[?(@.fiscalYear == 2031)].certifiedTonnes").value(18.9))
                .andExpect(jsonPath("$[?(@.fiscalYear == 2031)].removalTonnes").value(17.9))
                .andExpect(
                        jsonPath("$[?(@.fiscalYear == 2031)].reductionTonnes").value(1.0))
                .andExpect(jsonPath("$[?(@.fiscalYear == 2031)].imported").value(true));
        assertThat(mvc.perform(get("/statistics.csv")).andReturn().getResponse().getContentAsString())
                .contains("\r\n2031,imported,,18.9,,,,17.9,1.0,\r\n");
        mvc.perform(get("/statistics"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("17.9")));
    }

    private void history(AmamoPrincipal secretariat, int year, String kind, String type, String tonnes) {
        jdbc.sql("""
                INSERT INTO programme_history_record (programme_code, fiscal_year, record_kind, credit_type,
                                                      organisation, tonnes, imported_by, imported_at)
                VALUES ('YBC', ?, ?, ?, '横浜市', ?, ?, CURRENT_TIMESTAMP)""")
                .params(year, kind, type, new java.math.BigDecimal(tonnes), secretariat.userId())
                .update();
    }

    @Test
    void aBadOrDuplicateYearIsAFormErrorAndNothingIsStored() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        importYear(secretariat, "2099", "1", "1.0", "1.0", "");
        long before = jdbc.sql("SELECT COUNT(*) FROM historical_statistic")
                .query(Long.class)
                .single();
        mvc.perform(post("/secretariat/statistics/history")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("fiscalYear", "2099")
                        .param("certifiedSites", "1")
                        .param("certifiedTonnes", "1.0")
                        .param("certifiedHectares", "1")
                        .param("source", "x"))
                .andExpect(model().attributeHasFieldErrorCode("form", "fiscalYear", "history.year.taken"));
        mvc.perform(post("/secretariat/statistics/history")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("fiscalYear", "1800")
                        .param("certifiedSites", "-1")
                        .param("certifiedTonnes", "1.25")
                        .param("certifiedHectares", "x"))
                .andExpect(model().attributeHasFieldErrors(
                                "form",
                                "fiscalYear",
                                "certifiedSites",
                                "certifiedTonnes",
                                "certifiedHectares",
                                "source"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM historical_statistic")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void thePublicMapServesCertifiedSitesAsGeoJson() throws Exception {
        mvc.perform(get("/api/v1/projects/certified.geojson"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
        mvc.perform(get("/map")).andExpect(status().isOk());
        mvc.perform(get("/statistics")).andExpect(status().isOk());
    }

    @Test
    void certifiedProjectsAreExportedAsCsvWithTheDocumentedColumns() throws Exception {
        AmamoPrincipal owner = users.create(Role.APPLICANT);
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES ('x', ?, CURRENT_TIMESTAMP)")
                .param(owner.userId())
                .update();
        long project = jdbc.sql("SELECT MAX(id) FROM project").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, prefecture, site_area_ha, methodology_version,
                                         certified_units, certified_version, certified_at, created_at, updated_at)
                VALUES (?, ?, 'CERTIFIED', 'アマモ場, 金沢', '神奈川県', 7.8, 'jbe-2.3', 123, 'jbe-2.3',
                        TIMESTAMP WITH TIME ZONE '2025-06-01 10:00:00+09:00', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """).params(project, owner.userId()).update();
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, methodology_version, created_at, updated_at)
                VALUES (?, ?, 'DRAFT', 'まだ下書き', 'jbe-2.3', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """).params(project, owner.userId()).update();

        String csv = mvc.perform(get("/projects.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // one row per certification: the project's draft is not exported (other tests' projects may be)
        assertThat(csv.lines().filter(line -> line.startsWith(String.format("%04d,", project))))
                .hasSize(1);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFproject_code,application_id,name,prefecture,"
                        + "ecosystems,certified_fiscal_year,certified_t_co2,site_area_ha,methodology_version,certified_at,url,"
                        + "certified_on,implementer,credit_type,programme,quality_rules,ccp_additionality,ccp_additionality_assessments,ccp_permanence,ccp_permanence_monitoring,"
                        + "ccp_permanence_assessments,ccp_sustainable_development,ccp_sdgs,"
                        + "ccp_sustainable_development_assessments,ccp_no_double_counting,"
                        + "ccp_no_double_counting_assessments,ccp_net_zero,ccp_net_zero_assessments,"
                        + "implementer_type,survey_methods,last_survey_on,coefficient_bases,"
                        + "uncertainty_p5_t_co2,uncertainty_p50_t_co2,uncertainty_p95_t_co2");
        assertThat(csv.lines()
                        .filter(line -> line.startsWith(String.format("%04d,", project)))
                        .findFirst()
                        .orElseThrow())
                .contains(",\"アマモ場, 金沢\",神奈川県,,2025,12.3,7.800000,jbe-2.3,2025-06-01T01:00:00Z,/applications/")
                .contains(",2025-06-01,");
    }
}
