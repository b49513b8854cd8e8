package org.amamo.programme;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
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

/** The Yokohama programme's published record imported from CSV reproduces seed 001's totals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
@DirtiesContext
class ProgrammeHistoryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "history.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM programme_history_record")
                .query(Long.class)
                .single();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadRowIsReportedWithItsLineNumberAndNothingIsImported() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long before = rows();
        String text = "programme,fiscal_year,record,credit_type,organisation,description,t_co2\n"
                + "YBC,2019,certification,removal,横浜市,アマモ場の維持,12.3\n"
                + "YBC,2019,certification,,日向市,アラメ場の維持,0.5\n"
                + "XXX,19,sale,removal,,\"a, quoted\",-1.25\n";
        var result = mvc.perform(multipart("/secretariat/programmes/history")
                        .file(csv(text))
                        .with(as(secretariat))
                        .with(csrf()))
                .andReturn();
        List<Refusal> refusals = (List<Refusal>) result.getFlashMap().get("refusals");
        assertThat(refusals)
                .extracting(Refusal::messageKey)
                .containsExactly(
                        "history.csv.type",
                        "history.csv.programme",
                        "history.csv.year",
                        "history.csv.record",
                        "history.csv.text",
                        "history.csv.tonnes");
        assertThat(refusals.get(0).arguments()).startsWith(3);
        assertThat(refusals.get(1).arguments()).startsWith(4);
        assertThat(rows()).isEqualTo(before);
        mvc.perform(multipart("/secretariat/programmes/history")
                        .file(csv("wrong,header\n"))
                        .with(as(secretariat))
                        .with(csrf()))
                .andExpect(flash().attributeExists("refusals"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void seed001sYokohamaRecordReproducesItsPublishedTotals() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String text = new ClassPathResource("demo/yokohama-history.csv").getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(multipart("/secretariat/programmes/history")
                        .file(csv(text))
                        .with(as(secretariat))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "history.csv.imported"));
        String page = mvc.perform(get("/programmes/YBC/statistics"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<th id=\"total-removals\">78.9</th>")
                .contains("<th id=\"total-offsets\">278.3</th>");
        assertThat(jdbc.sql("""
                SELECT SUM(tonnes) FROM programme_history_record
                 WHERE programme_code = 'YBC' AND fiscal_year = 2019 AND credit_type = 'REDUCTION'""").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("241.0");
    }
}
