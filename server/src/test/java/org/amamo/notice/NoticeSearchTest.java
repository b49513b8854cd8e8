package org.amamo.notice;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Searching the notice lists by title and by the days on which publication starts (JST, both days included). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class NoticeSearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal secretariat;
    String word;

    @BeforeEach
    void notices() {
        secretariat = users.create(Role.SECRETARIAT);
        word = "検索" + UUID.randomUUID().toString().substring(0, 8);
        insert("運用開始 " + word, LocalDateTime.of(2001, 4, 1, 0, 0), null);
        insert("操作マニュアル " + word, LocalDateTime.of(2001, 4, 30, 23, 59), null);
        insert("購入者公募 " + word, LocalDateTime.of(2001, 5, 1, 0, 0), null);
        insert("公開前 " + word, LocalDateTime.now(SchemeTime.ZONE).plusDays(3), null);
    }

    void insert(String title, LocalDateTime startJst, LocalDateTime endJst) {
        jdbc.sql("""
                INSERT INTO notice (title, body_markdown, publish_start, publish_end, created_by, created_at, updated_at)
                VALUES (?, 'body', ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(title, jst(startJst), endJst == null ? null : jst(endJst), secretariat.userId())
                .update();
    }

    static OffsetDateTime jst(LocalDateTime time) {
        return time.atZone(SchemeTime.ZONE).toOffsetDateTime();
    }

    /** The list of a page (without the search form, which repeats the words searched for). */
    String page(String path, String... parameters) throws Exception {
        String html = html(path, parameters);
        return html.substring(html.indexOf(path.startsWith("/secretariat") ? "notice-admin-table" : "notice-list"));
    }

    String html(String path, String... parameters) throws Exception {
        var request = get(path).with(as(secretariat));
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void thePublicListFindsNoticesByWordsOfTheTitleWhateverTheCase() throws Exception {
        String found = page("/notices", "q", "マニュアル " + word.toUpperCase());
        assertThat(found).contains("操作マニュアル " + word).doesNotContain("運用開始 " + word, "購入者公募 " + word);
        assertThat(page("/notices", "q", word)).doesNotContain("公開前 " + word);
    }

    @Test
    void theWindowIncludesBothDaysInJapanStandardTime() throws Exception {
        String april = page("/notices", "q", word, "from", "2001-04-01", "to", "2001-04-30");
        assertThat(april).contains("運用開始 " + word, "操作マニュアル " + word).doesNotContain("購入者公募 " + word);
        String may = page("/notices", "q", word, "from", "2001-05-01");
        assertThat(may).contains("購入者公募 " + word).doesNotContain("操作マニュアル " + word);
    }

    @Test
    void theSecretariatsListSearchesEveryNoticeIncludingScheduledOnes() throws Exception {
        assertThat(page("/secretariat/notices", "q", "公開前 " + word)).contains("公開前 " + word);
        assertThat(page("/secretariat/notices", "q", word, "to", "2001-04-01"))
                .contains("運用開始 " + word)
                .doesNotContain("操作マニュアル " + word, "公開前 " + word);
    }

    @Test
    void wildcardsInTheSearchAreTakenLiterally() throws Exception {
        for (String pattern : new String[] {"%", "_" + word, "%" + word.substring(1)}) {
            assertThat(mvc.perform(get("/api/v1/notices").param("q", pattern).param("size", "100"))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain(word);
        }
    }

    @Test
    void badDaysAreErrorsAtTheirFieldsOnTheWebPages() throws Exception {
        mvc.perform(get("/notices").param("from", "2001-13-01").param("q", word))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("search", "from", "typeMismatch"));
        mvc.perform(get("/secretariat/notices")
                        .with(as(secretariat))
                        .param("from", "2001-05-01")
                        .param("to", "2001-04-01"))
                .andExpect(model().attributeHasFieldErrorCode("search", "to", "notice.search.to-before-from"));
        mvc.perform(get("/notices").param("q", "x".repeat(201)))
                .andExpect(model().attributeHasFieldErrorCode("search", "q", "notice.search.title.size"));
    }

    @Test
    void theApiFiltersByTheSameParameters() throws Exception {
        mvc.perform(get("/api/v1/notices")
                        .param("q", word)
                        .param("from", "2001-04-01")
                        .param("to", "2001-04-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].title").value("操作マニュアル " + word));
        mvc.perform(get("/api/v1/notices/all").with(as(secretariat)).param("q", "公開前 " + word))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void theApiAnswersBadParametersWith400NamingThem() throws Exception {
        mvc.perform(get("/api/v1/notices").param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/notices").param("to", "2001-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/notices").param("from", "2001-05-01").param("to", "2001-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/notices").param("q", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }
}
