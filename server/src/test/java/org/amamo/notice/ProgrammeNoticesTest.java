package org.amamo.notice;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each programme has its own notice list: a notice belongs to one programme or to all of them, the public list
 * narrows to one programme's (an unknown code shows every notice), and each programme's public page shows its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ProgrammeNoticesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal secretariat;
    String yokohama;
    String jbc;
    String everyone;

    @BeforeEach
    void oneNoticeForEachProgrammeAndOneForAll() throws Exception {
        secretariat = users.create(Role.SECRETARIAT);
        yokohama = publish("横浜のお知らせ", "YBC");
        jbc = publish("JBCのお知らせ", "JBC");
        everyone = publish("全制度のお知らせ", "");
    }

    String publish(String title, String programme) throws Exception {
        String unique = title + " " + UUID.randomUUID();
        mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", unique)
                        .param("body", "本文")
                        .param("publishStart", now().minusHours(1).toString())
                        .param("programme", programme))
                .andExpect(redirectedUrl("/secretariat/notices"));
        return unique;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(SchemeTime.ZONE).withNano(0);
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long notices() {
        return jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
    }

    @Test
    void thePublicListNarrowsToOneProgrammesNoticesAndThoseForAll() throws Exception {
        assertThat(page("/notices?programme=YBC")).contains(yokohama, everyone).doesNotContain(jbc);
        assertThat(page("/notices?programme=JBC")).contains(jbc, everyone).doesNotContain(yokohama);
        assertThat(page("/notices?programme=NOPE")).contains(yokohama, jbc, everyone);
        assertThat(page("/notices")).contains(yokohama, jbc, everyone);
    }

    @Test
    void theApiListNarrowsTheSameWay() throws Exception {
        String ybc = mvc.perform(
                        get("/api/v1/notices").param("programme", "YBC").param("size", "100"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ybc)
                .contains(yokohama, everyone, "\"programmeCode\":\"YBC\"")
                .doesNotContain(jbc);
    }

    @Test
    void eachProgrammesPublicPageShowsItsNotices() throws Exception {
        assertThat(page("/programmes/YBC/statistics"))
                .contains("id=\"programme-notices\"", yokohama, everyone)
                .doesNotContain(jbc);
        assertThat(page("/programmes/JBC/statistics")).contains(jbc).doesNotContain(yokohama);
    }

    @Test
    void anUnknownProgrammeIsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
        long before = notices();
        String form = mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", "誤った制度")
                        .param("body", "本文")
                        .param("publishStart", now().toString())
                        .param("programme", "NOPE"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("id=\"programme-errors\"", "不明な制度です: NOPE");
        mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "誤った制度", "body": "本文", "publishStart": "2024-04-01T09:00:00+09:00",
                                 "programme": "NOPE"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programme"));
        assertThat(notices()).isEqualTo(before);
    }
}
