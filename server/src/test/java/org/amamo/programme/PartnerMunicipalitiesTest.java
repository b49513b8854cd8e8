package org.amamo.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Yokohama programme's partner municipalities (seed 001 table 4): a municipality applies only as a partner and
 * until the end of the fiscal year after its latest information exchange; while the list is empty nothing is
 * refused. The administrator keeps the list; it is public (page, CSV and API).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class PartnerMunicipalitiesTest {

    @Autowired
    PartnerMunicipalities partners;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    AmamoPrincipal administrator;
    long yokohama;
    String corporateNumber;

    @BeforeEach
    void aMunicipality() {
        administrator = users.create(Role.ADMINISTRATOR);
        yokohama = users.organisation("横浜市");
        corporateNumber = String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
        jdbc.sql("UPDATE organisation SET corporate_number = ? WHERE id = ?")
                .params(corporateNumber, yokohama)
                .update();
    }

    @AfterEach
    void emptyTheList() {
        jdbc.sql("DELETE FROM programme_partner").update();
        jdbc.sql("DELETE FROM municipality_organisation").update();
    }

    @Test
    void an_empty_list_refuses_nothing_and_a_non_municipality_is_never_refused() throws Exception {
        mark(corporateNumber, "141003");
        assertThat(partners.submissionRefusal("YBC", yokohama, LocalDate.of(2030, 1, 1)))
                .isEmpty();
        savePartner("YBC", "131016", "千代田区", "2024-07-10");
        long company = users.organisation("株式会社");
        assertThat(partners.submissionRefusal("YBC", company, LocalDate.of(2030, 1, 1)))
                .isEmpty();
        assertThat(partners.submissionRefusal("YBC", null, LocalDate.of(2030, 1, 1)))
                .isEmpty();
    }

    @Test
    void a_municipality_that_is_not_a_partner_is_refused_at_the_programme_stating_the_rule() throws Exception {
        mark(corporateNumber, "141003");
        savePartner("YBC", "131016", "千代田区", "2024-07-10");

        assertThat(partners.submissionRefusal("YBC", yokohama, LocalDate.of(2025, 1, 1)))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.field()).isEqualTo("programmeCode");
                    assertThat(refusal.messageKey()).isEqualTo("partner.not-partner");
                });
        assertThat(partners.submissionRefusal("JBC", yokohama, LocalDate.of(2025, 1, 1)))
                .as("another programme's empty list refuses nothing")
                .isEmpty();
    }

    @Test
    void a_partner_applies_until_the_end_of_the_fiscal_year_after_its_latest_exchange() throws Exception {
        mark(corporateNumber, "141003");
        savePartner("YBC", "141003", "横浜市", "2024-07-10");

        assertThat(partners.submissionRefusal("YBC", yokohama, LocalDate.of(2026, 3, 31)))
                .isEmpty();
        assertThat(partners.submissionRefusal("YBC", yokohama, LocalDate.of(2026, 4, 1)))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("partner.deadline-passed");
                    assertThat(refusal.arguments()).containsExactly("2024-07-10", "2026-03-31");
                });
        savePartner("YBC", "141003", "横浜市", "2025-04-01");
        assertThat(partners.submissionRefusal("YBC", yokohama, LocalDate.of(2026, 4, 1)))
                .as("a later exchange moves the deadline to 2027-03-31")
                .isEmpty();
    }

    @Test
    void bad_fields_are_refused_at_the_field_and_the_list_is_public() throws Exception {
        mvc.perform(post("/admin/programmes/YBC/partners")
                        .with(TestUsers.as(administrator))
                        .with(csrf())
                        .param("municipalityCode", "141004")
                        .param("name", "")
                        .param("latestExchangeOn", "2999-01-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "refusals",
                                List.of(
                                        Refusal.of("municipalityCode", "partner.code.invalid"),
                                        Refusal.of("name", "partner.name.invalid", "100"),
                                        Refusal.of("latestExchangeOn", "partner.exchange.invalid"))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM programme_partner")
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/admin/programmes/YBC/municipalities")
                        .with(TestUsers.as(administrator))
                        .with(csrf())
                        .param("corporateNumber", "0000000000000")
                        .param("markedCode", "141003"))
                .andExpect(flash().attribute(
                                "refusals",
                                List.of(Refusal.of(
                                        "corporateNumber", "partner.organisation.not-found", "0000000000000"))));
        for (Role notAdministrator : List.of(Role.APPLICANT, Role.SECRETARIAT, Role.REVIEWER)) {
            mvc.perform(post("/admin/programmes/YBC/partners")
                            .with(TestUsers.as(users.create(notAdministrator)))
                            .with(csrf())
                            .param("municipalityCode", "141003")
                            .param("name", "横浜市")
                            .param("latestExchangeOn", "2024-07-10"))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM programme_partner")
                        .query(Long.class)
                        .single())
                .isZero();

        savePartner("YBC", "141003", "横浜市", "2024-07-10");
        mvc.perform(get("/programmes/YBC/partners").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("141003")))
                .andExpect(content().string(containsString("2026-03-31")))
                .andExpect(content().string(containsString("end of the fiscal year")));
        mvc.perform(get("/programmes/NOPE/partners")).andExpect(status().isNotFound());
    }

    @Test
    void the_list_is_open_data_as_csv_and_api_and_an_unknown_programme_is_not_found() throws Exception {
        savePartner("YBC", "141003", "横浜市", "2024-07-10");
        savePartner("YBC", "131016", "千代田区", "2025-04-01");

        String csv = mvc.perform(get("/programmes/YBC/partners.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).as("a byte-order mark, so that spreadsheets read UTF-8").startsWith("\uFEFF");
        assertThat(csv.substring(1).lines().toList())
                .containsSubsequence(
                        "programme_code,municipality_code,name,latest_exchange_on,apply_by",
                        "YBC,131016,千代田区,2025-04-01,2027-03-31",
                        "YBC,141003,横浜市,2024-07-10,2026-03-31");
        mvc.perform(get("/api/v1/programmes/YBC/partners"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].municipalityCode").value("141003"))
                .andExpect(jsonPath("$[1].name").value("横浜市"))
                .andExpect(jsonPath("$[1].latestExchangeOn").value("2024-07-10"))
                .andExpect(jsonPath("$[1].applyBy").value("2026-03-31"));
        mvc.perform(get("/api/v1/programmes/JBC/partners"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/programmes/NOPE/partners")).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/NOPE/partners.csv")).andExpect(status().isNotFound());
    }

    @Test
    void the_administrator_removes_a_partner_and_an_unknown_one_is_named() throws Exception {
        savePartner("YBC", "141003", "横浜市", "2024-07-10");
        mvc.perform(post("/admin/programmes/YBC/partners/{m}/delete", "141003")
                        .with(TestUsers.as(administrator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "partner.removed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM programme_partner")
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/admin/programmes/YBC/partners/{m}/delete", "141003")
                        .with(TestUsers.as(administrator))
                        .with(csrf()))
                .andExpect(flash().attribute("refusals", List.of(Refusal.of("municipalityCode", "partner.not-found"))));
        mvc.perform(get("/admin/programmes/YBC/partners").with(TestUsers.as(administrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"partner-form\"")));
    }

    private void savePartner(String programme, String code, String name, String day) throws Exception {
        mvc.perform(post("/admin/programmes/{p}/partners", programme)
                        .with(TestUsers.as(administrator))
                        .with(csrf())
                        .param("municipalityCode", code)
                        .param("name", name)
                        .param("latestExchangeOn", day))
                .andExpect(flash().attribute("flash", "partner.saved"));
    }

    private void mark(String number, String code) throws Exception {
        mvc.perform(post("/admin/programmes/YBC/municipalities")
                        .with(TestUsers.as(administrator))
                        .with(csrf())
                        .param("corporateNumber", number)
                        .param("markedCode", code))
                .andExpect(flash().attribute("flash", "partner.municipality.saved"));
    }
}
