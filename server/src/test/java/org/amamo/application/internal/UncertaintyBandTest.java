package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.SheetJson;
import org.amamo.methodology.uncertainty.UncertaintyBand;
import org.amamo.methodology.uncertainty.UncertaintyEstimator;
import org.amamo.methodology.uncertainty.UncertaintySettings;
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
 * Issue 22, item 6: a certified project's page and the API show the informative Monte Carlo band of its frozen
 * sheet, drawn from the ranges its methodology version publishes; the figures are the methodology CLI's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class UncertaintyBandTest {

    /** 7.8 ha of seagrass, the Yokohama eelgrass case, with the committee's certainties 0.90 and 1.00. */
    private static String eelgrassSheet(String version) {
        return """
                {"methodologyVersion": "%s", "applicationDate": "2024-06-01", "years": [{"start": "2023-04-01",
                 "baselineT": "0", "components": [{"id": "eelgrass", "method": "area", "ecosystem": "seagrass",
                 "areaHa": "7.8", "areaCertainty": "0.90", "coefficientCertainty": "1.00"}]}]}""".formatted(version);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    ObjectMapper json;

    AmamoPrincipal owner;

    @BeforeEach
    void owner() {
        owner = users.create(Role.APPLICANT, Role.HOLDER);
    }

    /** A certified application whose frozen sheet and result are those of the sheet given. */
    private long certified(String version) {
        long project = TestProjects.certified(jdbc, owner.userId(), "不確実性の藻場 " + version, 2024);
        String sheet = eelgrassSheet(version);
        String result = SheetJson.pretty(
                SheetJson.toJson(CreditCalculator.standard().calculate(sheet).orElseThrow()));
        jdbc.sql("""
                UPDATE application SET methodology_version = ?, certified_version = ?, certified_sheet = ?,
                       certified_result = ?, certified_units = 110
                 WHERE project_id = ?
                """).params(version, version, sheet, result, project).update();
        return jdbc.sql("SELECT id FROM application WHERE project_id = ?")
                .param(project)
                .query(Long.class)
                .single();
    }

    @Test
    void theApiGivesTheBandOfTheCliForAVersionWithRanges() throws Exception {
        long id = certified("jbe-2.3-ranges");
        UncertaintyBand cli = UncertaintyEstimator.standard()
                .estimate(SheetJson.read(eelgrassSheet("jbe-2.3-ranges")).orElseThrow(), UncertaintySettings.defaults())
                .orElseThrow();

        String body = mvc.perform(get("/api/v1/applications/{id}/uncertainty-band", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.methodologyVersion").value("jbe-2.3-ranges"))
                .andExpect(jsonPath("$.samples").value(10_000))
                .andExpect(jsonPath("$.tableRangeInputs").value(1))
                .andExpect(jsonPath("$.ranges[0].ecosystem").value("seagrass"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode band = json.readTree(body);

        assertThat(new BigDecimal(band.get("netP5T").asText()))
                .isEqualByComparingTo(cli.netTonnesCo2().p5());
        assertThat(new BigDecimal(band.get("netP50T").asText()))
                .isEqualByComparingTo(cli.netTonnesCo2().p50());
        assertThat(new BigDecimal(band.get("netP95T").asText()))
                .isEqualByComparingTo(cli.netTonnesCo2().p95());
        // certified net 7.8 x 1.58 x 0.90 = 11.0916 lies inside; the seagrass range 0.73..3.08 spreads it to about
        // 7.3..18.7
        assertThat(cli.netTonnesCo2().p5().doubleValue()).isBetween(7.1, 7.6);
        assertThat(cli.netTonnesCo2().p95().doubleValue()).isBetween(18.4, 18.9);
        assertThat(band.get("ranges").get(0).get("low").asText()).isEqualTo("0.73");
        assertThat(band.get("ranges").get(0).get("source").asText()).contains("table 4.12");
    }

    @Test
    void theProjectPageShowsTheBandMarkedInformativeInBothLanguages() throws Exception {
        long id = certified("jbe-2.3-ranges");
        UncertaintyBand cli = UncertaintyEstimator.standard()
                .estimate(SheetJson.read(eelgrassSheet("jbe-2.3-ranges")).orElseThrow(), UncertaintySettings.defaults())
                .orElseThrow();
        String p5 = cli.netTonnesCo2()
                .p5()
                .setScale(1, java.math.RoundingMode.HALF_EVEN)
                .toPlainString();
        String p95 = cli.netTonnesCo2()
                .p95()
                .setScale(1, java.math.RoundingMode.HALF_EVEN)
                .toPlainString();

        String japanese = page(id, "ja");
        String english = page(id, "en");

        assertThat(japanese)
                .contains("id=\"uncertainty-band\"", "参考値", p5 + " – " + p95 + " t-CO2", "0.73 – 3.08", "20190917");
        assertThat(english)
                .contains("informative", "Net, 5th to 95th percentile", p5 + " – " + p95 + " t-CO2", "IPCC 2013");
        assertThat(english).contains("id=\"certified-band\"");
    }

    @Test
    void aVersionWithoutRangesSaysThereIsNoBand() throws Exception {
        long id = certified("jbe-2.3");

        mvc.perform(get("/api/v1/applications/{id}/uncertainty-band", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uncertainInputs").value(0))
                .andExpect(jsonPath("$.netP5T").value(11.0916))
                .andExpect(jsonPath("$.netP95T").value(11.0916));
        assertThat(page(id, "en"))
                .contains("id=\"uncertainty-none\"", "Methodology jbe-2.3 publishes no uncertainty ranges")
                .doesNotContain("id=\"certified-band\"");
    }

    @Test
    void theBandIsStoredOnceAndOpenDataCarriesItInTheLastColumns() throws Exception {
        long ranged = certified("jbe-2.3-ranges");
        long fixed = certified("jbe-2.3");
        UncertaintyBand cli = UncertaintyEstimator.standard()
                .estimate(SheetJson.read(eelgrassSheet("jbe-2.3-ranges")).orElseThrow(), UncertaintySettings.defaults())
                .orElseThrow();

        String csv = mvc.perform(get("/projects.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/api/v1/applications/{id}/uncertainty-band", ranged)).andExpect(status().isOk());

        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",coefficient_bases,uncertainty_p5_t_co2,uncertainty_p50_t_co2,uncertainty_p95_t_co2");
        assertThat(row(csv, ranged))
                .endsWith("," + cli.netTonnesCo2().p5() + ","
                        + cli.netTonnesCo2().p50() + "," + cli.netTonnesCo2().p95());
        assertThat(row(csv, fixed)).endsWith(",,,");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certified_band WHERE application_id IN (?, ?)")
                        .params(ranged, fixed)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static String row(String csv, long applicationId) {
        return csv.lines()
                .filter(line -> line.contains(",/applications/" + applicationId + ","))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anApplicationNotCertifiedHasNoBand() throws Exception {
        long id = certified("jbe-2.3-ranges");
        jdbc.sql("UPDATE application SET status = 'DRAFT' WHERE id = ?")
                .param(id)
                .update();

        mvc.perform(get("/api/v1/applications/{id}/uncertainty-band", id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/{id}/uncertainty-band", 999_999_999L))
                .andExpect(status().isNotFound());
    }

    private String page(long id, String language) throws Exception {
        return mvc.perform(get("/applications/{id}", id).param("lang", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
