package org.amamo.notice;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A notice's optional English version: shown on English pages, else the Japanese text marked as Japanese only. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class NoticeEnglishTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal secretariat;

    @BeforeEach
    void secretariat() {
        secretariat = users.create(Role.SECRETARIAT);
    }

    long publish(String title, String titleEn, String bodyEn) throws Exception {
        mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", title)
                        .param("body", "日本語の本文 **太字**")
                        .param("titleEn", titleEn)
                        .param("bodyEn", bodyEn)
                        .param(
                                "publishStart",
                                LocalDateTime.now(SchemeTime.ZONE)
                                        .minusHours(1)
                                        .withNano(0)
                                        .toString()))
                .andExpect(redirectedUrl("/secretariat/notices"));
        return jdbc.sql("SELECT id FROM notice WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    Document page(String path, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("lang", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void anEnglishPageShowsTheEnglishVersionAndAJapanesePageTheJapanese() throws Exception {
        String title = "お知らせ " + UUID.randomUUID();
        String titleEn = "Notice " + UUID.randomUUID();
        long id = publish(title, titleEn, "English body **bold**");

        Document english = page("/notices/" + id, "en");
        assertThat(english.title()).isEqualTo(titleEn);
        assertThat(english.select("h1").text()).isEqualTo(titleEn);
        assertThat(english.select(".notice-body strong").text()).isEqualTo("bold");
        assertThat(english.text()).doesNotContain("日本語の本文", "日本語のみ");
        assertThat(page("/notices", "en").select("#notice-list").text())
                .contains(titleEn)
                .doesNotContain(title);

        Document japanese = page("/notices/" + id, "ja");
        assertThat(japanese.select("h1").text()).isEqualTo(title);
        assertThat(japanese.select(".notice-body strong").text()).isEqualTo("太字");
        assertThat(japanese.text()).doesNotContain(titleEn, "English body");

        mvc.perform(get("/api/v1/notices/{id}", id))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.titleEn").value(titleEn))
                .andExpect(jsonPath("$.bodyMarkdownEn").value("English body **bold**"));
    }

    @Test
    void withoutAnEnglishVersionTheEnglishPageShowsTheJapaneseMarkedAsJapaneseOnly() throws Exception {
        String title = "英語版なし " + UUID.randomUUID();
        long id = publish(title, " ", "");

        Document english = page("/notices/" + id, "en");
        assertThat(english.title()).isEqualTo(title);
        assertThat(english.select("h1 [lang=ja]").text()).isEqualTo(title);
        assertThat(english.select("h1 .japanese-only-mark").text()).isEqualTo("日本語のみ / Japanese only");
        assertThat(english.select(".notice-body [lang=ja] strong").text()).isEqualTo("太字");
        assertThat(english.select(".notice-body .japanese-only-mark")).hasSize(1);
        assertThat(page("/notices", "en").select("#notice-list [lang=ja]").eachText())
                .contains(title);

        assertThat(page("/notices/" + id, "ja").select(".japanese-only-mark")).isEmpty();
        mvc.perform(get("/api/v1/notices/{id}", id))
                .andExpect(jsonPath("$.titleEn").doesNotExist())
                .andExpect(jsonPath("$.bodyMarkdownEn").doesNotExist());
    }

    @Test
    void theApiTakesTheEnglishVersionAndRefusesATooLongOne() throws Exception {
        String title = "API " + UUID.randomUUID();
        String json = """
                {"title": "%s", "body": "本文", "publishStart": "2024-04-01T09:00:00+09:00",
                 "titleEn": "%s", "bodyEn": "Body"}""";
        mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(title, "In English")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.titleEn").value("In English"))
                .andExpect(jsonPath("$.bodyHtmlEn").value("<p>Body</p>\n"));
        long before = jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
        mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(title, "x".repeat(201))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("titleEn"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single())
                .isEqualTo(before);
    }
}
