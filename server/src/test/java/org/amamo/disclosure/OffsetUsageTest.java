package org.amamo.disclosure;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.RetirementStatistics;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Offset usage (issue 7 and 8): retirements per programme, fiscal year and purpose, by the retirement date in
 * Japan, beside the programme's imported offsets (seed 001, table 1), on /statistics, the programme page, the CSV
 * and the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
@DirtiesContext
class OffsetUsageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    RetirementStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    long issue(String prefix, long projectId, CreditType type, AmamoPrincipal holder, long units) {
        IssuanceResult result = issuance.issue(new IssuanceRequest(
                projectId,
                Long.toString(projectId),
                "プロジェクト",
                prefix,
                2024,
                "yokohama-2019-reduction",
                type,
                "横浜市",
                units,
                List.of(InitialHolder.user(holder.userId(), "100")),
                "usage-" + prefix + projectId));
        assertThat(result.refusals()).isEmpty();
        return result.allocations().get(0).accountId();
    }

    long retire(AmamoPrincipal holder, long account, String tonnes, String purpose) throws Exception {
        String location = mvc.perform(post("/account/registry/accounts/" + account + "/retire")
                        .with(as(holder))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", tonnes)
                        .param("beneficiary", "横浜市")
                        .param("purpose", purpose)
                        .param("emissionsOffset", "イベントの電力")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("reportingYear", "2024"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void retiredAt(long retirement, String instant) {
        jdbc.sql("UPDATE registry_retirement SET retired_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.parse(instant)), retirement)
                .update();
    }

    @Test
    void retirementsAreSummedByProgrammeFiscalYearInJapanAndPurposeBesideImportedOffsets() throws Exception {
        AmamoPrincipal alice = users.create(Role.HOLDER);
        AmamoPrincipal bob = users.create(Role.HOLDER);
        long ybc = issue("YBC", 9001, CreditType.REDUCTION, alice, 1000);
        long jbc = issue("JBC", 9002, CreditType.REMOVAL, bob, 100);
        // 23:59:59 on 31 March in Japan is fiscal 2024; midnight on 1 April in Japan (15:00 UTC) is fiscal 2025.
        retiredAt(retire(alice, ybc, "12.5", "EVENT"), "2025-03-31T14:59:59Z");
        retiredAt(retire(alice, ybc, "2.0", "CORPORATE"), "2025-03-31T15:00:00Z");
        retiredAt(retire(alice, ybc, "0.5", "EVENT"), "2024-04-01T00:00:00Z");
        retiredAt(retire(bob, jbc, "1.0", "INDIVIDUAL"), "2025-06-01T00:00:00Z");

        assertThat(statistics.retired())
                .extracting(
                        RetirementStatistics.RetiredUnits::fiscalYear,
                        RetirementStatistics.RetiredUnits::programmePrefix,
                        RetirementStatistics.RetiredUnits::purpose,
                        RetirementStatistics.RetiredUnits::units)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2024, "YBC", "EVENT", 130L),
                        org.assertj.core.groups.Tuple.tuple(2025, "JBC", "INDIVIDUAL", 10L),
                        org.assertj.core.groups.Tuple.tuple(2025, "YBC", "CORPORATE", 20L));

        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String history = new ClassPathResource("demo/yokohama-history.csv").getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(multipart("/secretariat/programmes/history")
                        .file(new MockMultipartFile(
                                "file", "history.csv", "text/csv", history.getBytes(StandardCharsets.UTF_8)))
                        .with(as(secretariat))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String csv = mvc.perform(get("/statistics/offsets.csv").param("programme", "YBC"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "\uFEFFprogramme,fiscal_year,source,purpose,credit_type,project_code,ecosystem,prefecture,t_co2",
                        "YBC,2014,imported,,,,,,3.1",
                        "YBC,2015,imported,,,,,,22.8",
                        "YBC,2016,imported,,,,,,29.2",
                        "YBC,2017,imported,,,,,,58.8",
                        "YBC,2018,imported,,,,,,164.4",
                        "YBC,2024,system,event,reduction,9001,unknown,unknown,13.0",
                        "YBC,2025,system,corporate,reduction,9001,unknown,unknown,2.0");

        mvc.perform(get("/api/v1/statistics/offsets").param("programme", "JBC"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].purpose").value("individual"))
                .andExpect(jsonPath("$[0].creditType").value("removal"))
                .andExpect(jsonPath("$[0].fiscalYear").value(2025));

        String page = mvc.perform(get("/programmes/YBC/statistics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"usage-by-purpose\"",
                        "id=\"usage-by-ecosystem\"",
                        "id=\"usage-by-prefecture\"",
                        "区分なし（移行データ）",
                        "164.4",
                        "13.0");
        assertThat(page).containsPattern("id=\"usage-live-total\">15.0<");
        assertThat(page).containsPattern("id=\"usage-imported-total\">278.3<");
        String all = mvc.perform(get("/statistics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).containsPattern("id=\"usage-live-total\">16.0<");
        String jbcOnly = mvc.perform(
                        get("/statistics").param("programme", "JBC").param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jbcOnly)
                .containsPattern("id=\"usage-live-total\">1.0<")
                .contains("Individual")
                .doesNotContain("Not recorded (imported)");
    }
}
