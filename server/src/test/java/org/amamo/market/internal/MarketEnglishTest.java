package org.amamo.market.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A round's optional English title and rules: shown on English pages, else the Japanese marked as Japanese only. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class MarketEnglishTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    Rounds rounds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** Creates a round on the secretariat's form, puts credits on offer and opens it; its id. */
    private long openRound(String title, String titleEn, String rulesEn) throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        LocalDateTime now = LocalDateTime.now(SchemeTime.ZONE).withNano(0);
        mvc.perform(post("/secretariat/market/rounds")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", title)
                        .param("rules", "日本語の要領")
                        .param("titleEn", titleEn)
                        .param("rulesEn", rulesEn)
                        .param("minimumPriceJpy", "10000")
                        .param("opensAt", now.minusMinutes(1).toString())
                        .param("closesAt", now.plusDays(1).toString())
                        .param("paymentDays", "14"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM market_round WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
        AmamoPrincipal seller = users.create(Role.HOLDER);
        int project = 8000 + (int) (System.nanoTime() % 900);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                Integer.toString(project),
                "干潟の保全",
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                100,
                List.of(InitialHolder.user(seller.userId(), "100")),
                "english-test-" + project + "-" + UUID.randomUUID()));
        assertThat(rounds.consign(seller, id, issued.allocations().get(0).accountId(), issued.batchId(), 100, null)
                        .refusals())
                .isEmpty();
        assertThat(rounds.open(secretariat, id).refusals()).isEmpty();
        return id;
    }

    private Document page(String path, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("lang", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void anEnglishPageShowsTheRoundsEnglishTitleAndRules() throws Exception {
        String title = "公募 " + UUID.randomUUID();
        long id = openRound(title, "Round in English", "Rules in English");

        Document english = page("/market/rounds/" + id, "en");
        assertThat(english.title()).isEqualTo("Round in English");
        assertThat(english.select("h1").text()).isEqualTo("Round in English");
        assertThat(english.text()).contains("Rules in English").doesNotContain("日本語の要領", "日本語のみ");
        Document japanese = page("/market/rounds/" + id, "ja");
        assertThat(japanese.select("h1").text()).isEqualTo(title);
        assertThat(japanese.text()).contains("日本語の要領").doesNotContain("Rules in English");
        mvc.perform(get("/api/v1/market/rounds/{id}", id))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.titleEn").value("Round in English"))
                .andExpect(jsonPath("$.rulesEn").value("Rules in English"));
    }

    @Test
    void withoutAnEnglishVersionTheEnglishPageShowsTheJapaneseMarkedAsJapaneseOnly() throws Exception {
        String title = "英語版なし " + UUID.randomUUID();
        long id = openRound(title, "", " ");

        Document english = page("/market/rounds/" + id, "en");
        assertThat(english.select("h1 [lang=ja]").text()).isEqualTo(title);
        assertThat(english.select("h1 .japanese-only-mark").text()).isEqualTo("日本語のみ / Japanese only");
        assertThat(english.select("p.preformatted[lang=ja]").text()).isEqualTo("日本語の要領");
        assertThat(page("/market", "en").select("[lang=ja]").eachText()).contains(title);
        assertThat(page("/market/rounds/" + id, "ja").select(".japanese-only-mark"))
                .isEmpty();
        mvc.perform(get("/api/v1/market/rounds/{id}", id))
                .andExpect(jsonPath("$.titleEn").doesNotExist());
    }

    @Test
    void aTooLongEnglishTitleIsRefusedAtItsFieldAndNoRoundIsCreated() {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        var outcome = rounds.create(
                secretariat,
                new Rounds.RoundTerms(
                        "公募",
                        "要領",
                        new BigDecimal("10000"),
                        clock.instant(),
                        clock.instant().plus(Duration.ofDays(1)),
                        14,
                        "x".repeat(201),
                        null));
        assertThat(outcome.refusals()).extracting(r -> r.field()).containsExactly("titleEn");
    }
}
