package org.amamo.disclosure;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The note of a year entered by the secretariat, in English where it has an English version. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class StatisticsNoteEnglishTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    private void importYear(String year, String note, String noteEn) throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        mvc.perform(post("/secretariat/statistics/history")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("fiscalYear", year)
                        .param("certifiedSites", "1")
                        .param("certifiedTonnes", "1.0")
                        .param("certifiedHectares", "1.0")
                        .param("note", note)
                        .param("noteEn", noteEn)
                        .param("source", "JBE"))
                .andExpect(status().is3xxRedirection());
    }

    private Document statistics(String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get("/statistics").param("lang", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void anEnglishPageShowsTheEnglishNoteOrTheJapaneseMarkedAsJapaneseOnly() throws Exception {
        importYear("2097", "一部のみ売買した年", "A year in which only part was traded");
        importYear("2096", "英語版のない備考", "");

        Document english = statistics("en");
        assertThat(english.text())
                .contains("A year in which only part was traded")
                .doesNotContain("一部のみ売買した年");
        assertThat(english.select("[lang=ja]").eachText()).contains("英語版のない備考");
        assertThat(english.select(".japanese-only-mark").eachText()).contains("日本語のみ / Japanese only");

        Document japanese = statistics("ja");
        assertThat(japanese.text()).contains("一部のみ売買した年", "英語版のない備考");
        assertThat(japanese.text()).doesNotContain("A year in which only part was traded");
        assertThat(japanese.select(".japanese-only-mark")).isEmpty();
    }
}
