package org.amamo.workspace;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff settings and notices: each fee error names its own field and keeps what was typed; a notice's Markdown is
 * previewed as it will be published without saving; staff see a scheduled notice where the public gets a 404; the
 * scheme's accounts are named in the page's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, org.amamo.application.internal.ApplicationDriver.class})
class StaffSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.amamo.application.internal.ApplicationDriver applications;

    @Autowired
    org.amamo.registry.internal.web.AccountNames accountNames;

    @Test
    void theTwoFeeErrorsNameTheirOwnFieldAndKeepWhatWasTyped() throws Exception {
        String page = body(
                post("/admin/programmes/JBC/fee")
                        .with(as(users.create(Role.ADMINISTRATOR)))
                        .with(csrf())
                        .param("lang", "en")
                        .param("feeFlatYen", "1,000")
                        .param("feePerTonneYen", "-5"),
                400);
        String section = page.substring(page.indexOf("id=\"fee-JBC\""));
        assertThat(section.substring(0, section.indexOf("feePerTonneYen-JBC")))
                .contains("Enter the flat fee in whole yen")
                .contains("value=\"1,000\"");
        assertThat(section.substring(section.indexOf("feePerTonneYen-JBC"), section.indexOf("</form>")))
                .contains("Enter the fee per t-CO2 in whole yen")
                .contains("value=\"-5\"")
                .doesNotContain("Enter the flat fee");
    }

    @Test
    void aMarkdownPreviewRendersTheBodySafelyAndSavesNothing() throws Exception {
        String title = "preview " + UUID.randomUUID();
        String page = body(
                post("/secretariat/notices")
                        .with(as(users.create(Role.SECRETARIAT)))
                        .with(csrf())
                        .param("lang", "en")
                        .param("title", title)
                        .param("body", "**bold** <script>alert(1)</script>")
                        .param("publishStart", now().toString())
                        .param("preview", "yes"),
                200);
        String preview = page.substring(page.indexOf("id=\"notice-body-preview\""));
        assertThat(preview).contains("<strong>bold</strong>").doesNotContain("<script>alert(1)</script>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE title = ?")
                        .param(title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void staffPreviewAScheduledNoticeWhereThePublicGetsNotFound() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String title = "scheduled " + UUID.randomUUID();
        mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", title)
                        .param("body", "来週の **説明会**")
                        .param("publishStart", now().plusDays(7).toString()))
                .andExpect(redirectedUrl("/secretariat/notices"));
        long id = jdbc.sql("SELECT id FROM notice WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();

        mvc.perform(get("/notices/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/notices/" + id).with(as(users.create(Role.APPLICANT))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/notices/" + id).with(as(secretariat)))
                .andExpect(redirectedUrl("/secretariat/notices/" + id + "/preview"));
        String preview = body(get("/secretariat/notices/" + id + "/preview").with(as(secretariat)), 200);
        assertThat(preview).contains(title).contains("<strong>説明会</strong>").contains("このお知らせは現在公開されていません");
        mvc.perform(get("/secretariat/notices/" + id + "/preview").with(as(users.create(Role.APPLICANT))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSchemesAccountsAreNamedInThePagesLanguage() {
        try {
            LocaleContextHolder.setLocale(Locale.JAPANESE);
            assertThat(accountNames.shown("Issuance account")).isEqualTo("発行口座");
            assertThat(accountNames.shown("Escrow of solicitation round 1"))
                    .contains("第1回")
                    .contains("エスクロー");
            assertThat(accountNames.shown("Retirement account 2024"))
                    .contains("2024")
                    .contains("無効化口座");
            assertThat(accountNames.shown("漁協 太郎")).isEqualTo("漁協 太郎");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(accountNames.shown("Escrow of solicitation round 1"))
                    .isEqualTo("Escrow of solicitation round 1");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void theStaffCsvKeepsItsCodesAndHasALabelledVariant() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        long id = applications.feeConfirmed(applicant, secretariat, "JBC", "jbe-2.3");
        String machine = body(get("/secretariat/applications.csv").with(as(secretariat)), 200);
        assertThat(machine.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFapplication_id,project_code,name,prefecture,status,submitted_at,site_area_ha,"
                        + "certified_t_co2,methodology_version,programme");
        assertThat(row(machine, id)).contains(",14,FEE_CONFIRMED,").endsWith(",JBC");

        String labelled = body(
                get("/secretariat/applications.csv")
                        .param("labels", "yes")
                        .param("lang", "ja")
                        .with(as(secretariat)),
                200);
        assertThat(labelled.lines().findFirst().orElseThrow()).startsWith("\uFEFF申請ID,事業番号,事業名,都道府県,状態,");
        assertThat(row(labelled, id)).contains(",神奈川県,手数料確認済み,").doesNotContain("FEE_CONFIRMED");
        String english = body(
                get("/secretariat/applications.csv")
                        .param("labels", "yes")
                        .param("lang", "en")
                        .with(as(secretariat)),
                200);
        assertThat(english.lines().findFirst().orElseThrow()).startsWith("\uFEFFApplication ID,Project code,");
        assertThat(row(english, id)).contains(",Kanagawa").contains(",Fee confirmed,");
    }

    /** The CSV line of the application. */
    private static String row(String csv, long id) {
        return csv.lines().filter(line -> line.startsWith(id + ",")).findFirst().orElseThrow();
    }

    private String body(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(SchemeTime.ZONE).withNano(0).withSecond(0);
    }
}
