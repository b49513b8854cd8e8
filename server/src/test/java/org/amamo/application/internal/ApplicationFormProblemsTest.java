package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A refused submission takes the applicant back to the form, which lists every problem by the label of its field
 * in the reader's language, each linking to the field, and marks the fields; the site typed or pasted into the
 * form is measured at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ApplicationFormProblemsTest {

    private static final Pattern PROBLEMS = Pattern.compile("<nav class=\"problems\".*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("href=\"#([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    AmamoPrincipal applicant;

    @BeforeEach
    void applicant() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
    }

    @Test
    void aRefusedSubmissionListsEveryProblemByItsLabelLinkedToItsFieldInJapanese() throws Exception {
        long id = drafts.create(applicant, "アマモ場");

        String page = formAfterRefusedSubmission(id, null);

        String problems = problems(page);
        assertThat(problems).contains("次の").contains("プロジェクト実施開始日").contains("対象とする海洋植物");
        String shown = problems.replaceAll("<[^>]+>", "");
        assertThat(shown).doesNotContain("startDate").doesNotContain("sheet.").doesNotContain("$.");
        for (String anchor : anchors(problems)) {
            assertThat(page)
                    .as("the element #" + anchor + " the problem links to")
                    .contains("id=\"" + anchor + "\"");
        }
        assertThat(page)
                .containsPattern(
                        "<input[^>]*id=\"startDate\"[^>]*class=\"invalid\"|<input[^>]*class=\"invalid\"[^>]*id=\"startDate\"");
    }

    @Test
    void anEnglishReaderSeesTheProblemsByTheEnglishLabels() throws Exception {
        long id = drafts.create(applicant, "Eelgrass");

        String problems = problems(formAfterRefusedSubmission(id, "en"));

        assertThat(problems)
                .contains("Please correct these")
                .contains("Project start date")
                .contains("Target plants");
        assertThat(problems).doesNotContain("プロジェクト");
    }

    @Test
    void aProblemInARepeatedRowIsNamedWithTheRowsNumber() throws Exception {
        long id = drafts.create(applicant, "アマモ場");
        assertThat(drafts.save(applicant, id, EelgrassForm.complete("アマモ場", "-7.8", applicant.email()))
                        .refusals())
                .isEmpty();

        String problems = problems(formAfterRefusedSubmission(id, null));

        assertThat(problems).contains("対象年 1 › 算定区分 1 › ").contains("href=\"#sheet.years0.components0.areaHa\"");
    }

    @Test
    void aPastedSiteIsMeasuredAtOnceOrItsFaultNamed() throws Exception {
        long id = drafts.create(applicant, "アマモ場");

        String measured = siteCheck(id, EelgrassForm.site(0, "7.81"), null);
        assertThat(measured).contains("地図上のサイトの面積").contains("ha");
        String refused = siteCheck(id, "{\"type\":\"Polygon\",\"coordinates\":[[[139.6,35.3],[139.7,35.3]]]}", "en");
        assertThat(refused).contains("The site geometry is wrong");
        assertThat(siteCheck(id, "", null)).doesNotContain("ha").doesNotContain("wrong");
    }

    @Test
    void noOneButTheApplicantMayMeasureTheDraftsSite() throws Exception {
        long id = drafts.create(applicant, "アマモ場");
        AmamoPrincipal stranger = users.create(users.organisation("他社"), Role.APPLICANT);

        mvc.perform(post("/applications/{id}/site/check", id)
                        .with(as(stranger))
                        .with(csrf())
                        .param("siteGeojson", EelgrassForm.site(0, "7.81")))
                .andExpect(status().isNotFound());
    }

    private String formAfterRefusedSubmission(long id, String lang) throws Exception {
        MvcResult refused = mvc.perform(post("/applications/{id}/actions/SUBMIT", id)
                        .with(as(applicant))
                        .with(csrf()))
                .andExpect(redirectedUrl("/applications/" + id + "/edit"))
                .andReturn();
        var next = get("/applications/{id}/edit", id)
                .with(as(applicant))
                .cookie(refused.getResponse().getCookies());
        if (lang != null) {
            next.param("lang", lang);
        }
        return mvc.perform(next)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String siteCheck(long id, String geojson, String lang) throws Exception {
        var check = post("/applications/{id}/site/check", id)
                .with(as(applicant))
                .with(csrf())
                .param("siteGeojson", geojson);
        if (lang != null) {
            check.param("lang", lang);
        }
        return mvc.perform(check)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String problems(String page) {
        Matcher problems = PROBLEMS.matcher(page);
        assertThat(problems.find()).as("the list of problems above the form").isTrue();
        return problems.group();
    }

    private static List<String> anchors(String problems) {
        List<String> anchors = new ArrayList<>();
        Matcher link = LINK.matcher(problems);
        while (link.find()) {
            anchors.add(link.group(1));
        }
        assertThat(anchors).isNotEmpty();
        return anchors;
    }
}
