package org.amamo.notice;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class NoticeTest {

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

    String publish(String title, LocalDateTime start, LocalDateTime end) throws Exception {
        mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", title)
                        .param("body", "本文 **太字**")
                        .param("publishStart", start.toString())
                        .param("publishEnd", end == null ? "" : end.toString()))
                .andExpect(redirectedUrl("/secretariat/notices"));
        return title;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(SchemeTime.ZONE).withNano(0);
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    long notices() {
        return jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
    }

    @Test
    void thePublicSeesOnlyNoticesInsideTheirWindowNewestFirst() throws Exception {
        String older = publish(unique("older"), now().minusDays(2), null);
        String newer = publish(unique("newer"), now().minusHours(1), now().plusDays(1));
        String ended = publish(unique("ended"), now().minusDays(3), now().minusMinutes(1));
        String scheduled = publish(unique("scheduled"), now().plusHours(2), null);

        String page = mvc.perform(get("/notices"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(older, newer).doesNotContain(ended, scheduled);
        assertThat(page.indexOf(newer)).isLessThan(page.indexOf(older));
        mvc.perform(get("/"))
                .andExpect(content().string(containsString(newer)))
                .andExpect(content().string(not(containsString(ended))));
    }

    @Test
    void anEndedNoticeIsNotFoundByItsAddressEither() throws Exception {
        String ended = publish(unique("ended"), now().minusDays(3), now().minusMinutes(1));
        long id = jdbc.sql("SELECT id FROM notice WHERE title = ?")
                .param(ended)
                .query(Long.class)
                .single();
        mvc.perform(get("/notices/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notices/{id}", id)).andExpect(status().isNotFound());
    }

    @Test
    void markdownIsRenderedButScriptIsNot() throws Exception {
        String title = unique("xss");
        mvc.perform(post("/secretariat/notices")
                .with(as(secretariat))
                .with(csrf())
                .param("title", title)
                .param(
                        "body",
                        "**太字** <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror=alert(3)>")
                .param("publishStart", now().minusMinutes(5).toString()));
        long id = jdbc.sql("SELECT id FROM notice WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
        mvc.perform(get("/notices/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>太字</strong>")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("javascript:"))))
                .andExpect(content().string(not(containsString("<img src=\"x\""))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsAFormErrorAndNothingIsStored() throws Exception {
        long before = notices();
        mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("title", "t")
                        .param("body", "b")
                        .param("publishStart", now().toString())
                        .param("publishEnd", now().minusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "publishEnd", "notice.window.end-before-start"));
        mvc.perform(post("/secretariat/notices")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("publishStart", "yesterday"))
                .andExpect(model().attributeHasFieldErrors("form", "title", "body", "publishStart"));
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void theApiAnswersBadInputWith400AndFieldErrors() throws Exception {
        long before = notices();
        mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"body\":\"b\",\"publishStart\":\"2024-04-01T09:00:00+09:00\","
                                + "\"publishEnd\":\"2024-03-01T09:00:00+09:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"body\":\"b\",\"publishStart\":\"2024-04-01T09:00:00+09:00\","
                                + "\"publishEnd\":\"2024-03-01T09:00:00+09:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishEnd"));
        mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"body\":\"b\",\"publishStart\":\"not a time\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishStart"));
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void theSecretariatEditsAndDeletesThroughTheApi() throws Exception {
        String body = mvc.perform(post("/api/v1/notices")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"運用開始\",\"body\":\"本文\",\"publishStart\":\"2024-04-01T09:00:00+09:00\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("運用開始"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/notices/{id}", id)
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"訂正\",\"body\":\"本文\",\"publishStart\":\"2024-04-01T09:00:00+09:00\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("訂正"));
        mvc.perform(delete("/api/v1/notices/{id}", id).with(as(secretariat))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/notices/{id}", id).with(as(secretariat)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
    }

    @Test
    void deletingANoticeThatIsGoneIsShownAsARefusalNotAsDone() throws Exception {
        mvc.perform(post("/secretariat/notices/{id}/delete", Long.MAX_VALUE)
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(redirectedUrl("/secretariat/notices"))
                .andExpect(flash().attributeExists("refusals"))
                .andExpect(flash().attributeCount(1));
    }
}
