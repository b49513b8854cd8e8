package org.amamo.review.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amamo.application.internal.ApplicationDriver;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

/**
 * The review form guides the reviewer: each factor explained, a refusal names its field and keeps what was typed,
 * the credit the typed certainty would give is shown without recording, and a recorded review reads as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ApplicationDriver.class})
class ReviewFormTest {

    static final String AREA = "certainty[eelgrass][areaCertainty]";
    static final String COEFFICIENT = "certainty[eelgrass][coefficientCertainty]";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationDriver drafts;

    @Autowired
    HearingService hearings;

    @Autowired
    CommitteeService committee;

    @Autowired
    ReviewRepository reviews;

    @Autowired
    FindingsService findings;

    @Autowired
    PublicCommentService comments;

    @Autowired
    TestUsers users;

    @Autowired
    Clock clock;

    AmamoPrincipal reviewer;
    long id;

    @BeforeEach
    void inReview() {
        AmamoPrincipal applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        reviewer = users.committeeReviewer(null);
        id = drafts.feeConfirmed(applicant, secretariat, "JBC", "jbe-2.3");
        assertThat(hearings.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "海の公園", "記録")
                        .refused())
                .isFalse();
        assertThat(committee.assignReviewer(secretariat, id, reviewer.userId()).refused())
                .isFalse();
        assertThat(committee.startReview(secretariat, id, null).refused()).isFalse();
    }

    @Test
    void aRefusedReviewKeepsItsValuesAndNamesEachField() throws Exception {
        MvcResult refused = submit(Map.of("findings", "潜水調査で被度を確認した。", AREA, "1.2", COEFFICIENT, ""));
        List<Refusal> refusals = refusals(refused.getFlashMap());
        assertThat(refusals)
                .extracting(Refusal::field, Refusal::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AREA, "review.certainty.invalid.areaCertainty"),
                        org.assertj.core.groups.Tuple.tuple(
                                COEFFICIENT, "review.certainty.required.coefficientCertainty"));
        assertThat(reviews.reviews(id).get(0).recorded()).isFalse();

        String english = page(refused, "en");
        assertThat(english)
                .contains("潜水調査で被度を確認した。</textarea>")
                .containsPattern("id=\"certainty-eelgrass-areaCertainty\"[^>]*value=\"1.2\"");
        assertThat(errorsOf(english, "certainty-eelgrass-areaCertainty"))
                .contains("The certainty of the area for &quot;eelgrass&quot; must be above 0 and at most 1");
        assertThat(errorsOf(english, "certainty-eelgrass-coefficientCertainty"))
                .contains("Enter the certainty of the coefficient for &quot;eelgrass&quot;");
        MvcResult again = submit(Map.of("findings", "潜水調査で被度を確認した。", AREA, "1.2", COEFFICIENT, ""));
        String japanese = page(again, "ja");
        assertThat(errorsOf(japanese, "certainty-eelgrass-areaCertainty")).contains("確実性（面積）");
        assertThat(errorsOf(japanese, "certainty-eelgrass-coefficientCertainty"))
                .contains("確実性（吸収係数）");
    }

    @Test
    void theFormExplainsEachFactorAndShowsTheCreditTheTypedCertaintyGives() throws Exception {
        String form = page(null, "en");
        assertThat(form)
                .contains("How certain the seagrass or seaweed area is")
                .contains("How well the uptake coefficient used fits this site")
                .contains("above 0 and at most 1")
                .contains("Credit as applied for (certainty 1.00): ");

        Map<String, String> half = Map.of("findings", "", AREA, "0.50", COEFFICIENT, "1.00", "preview", "yes");
        MvcResult previewed = submit(half);
        assertThat(previewed.getFlashMap().get("reviewPreviewUnits")).isInstanceOf(Long.class);
        long halfUnits = (Long) previewed.getFlashMap().get("reviewPreviewUnits");
        Map<String, String> full = Map.of("findings", "", AREA, "1.00", COEFFICIENT, "1.00", "preview", "yes");
        long fullUnits = (Long) submit(full).getFlashMap().get("reviewPreviewUnits");
        assertThat(halfUnits).isPositive().isLessThan(fullUnits);
        assertThat(reviews.reviews(id).get(0).recorded()).isFalse();
        assertThat(page(previewed, "en"))
                .contains("Credit with the certainties you typed:")
                .containsPattern("id=\"certainty-eelgrass-areaCertainty\"[^>]*value=\"0.50\"");
    }

    @Test
    void aRecordedReviewReadsAsTextNotJson() throws Exception {
        submit(Map.of("findings", "被度を確認した。", AREA, "0.90", COEFFICIENT, "0.80"));
        assertThat(reviews.reviews(id).get(0).recorded()).isTrue();
        String page = page(null, "en");
        String section = page.substring(page.indexOf("id=\"reviews\""));
        assertThat(section)
                .contains("被度を確認した。")
                .contains("Certainty of the area: eelgrass")
                .contains("<strong>0.90</strong>")
                .doesNotContain("{\"eelgrass\"");
    }

    @Test
    void aCommentWindowThatStartsLaterIsNotOpenUntilItsStart() throws Exception {
        assertThat(findings.recordReview(
                                reviewer,
                                id,
                                "所見",
                                Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1")))
                        .refused())
                .isFalse();
        var now = clock.instant();
        assertThat(comments.open(
                                secretary(),
                                id,
                                now.plus(java.time.Duration.ofDays(2)),
                                now.plus(java.time.Duration.ofDays(30)))
                        .refused())
                .isFalse();
        String list = mvc.perform(get("/projects/public-comment"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("href=\"/applications/" + id + "\"");
        String page = mvc.perform(get("/applications/" + id).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("id=\"comment-form\"").contains("Comments are taken from");
        assertThat(comments.comment(id, null, "早すぎる").refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("comment.window.closed");
    }

    @Test
    void theOpenFormProposesAWindowFromNow() throws Exception {
        assertThat(findings.recordReview(
                                reviewer,
                                id,
                                "所見",
                                Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1")))
                        .refused())
                .isFalse();
        String page = mvc.perform(get("/applications/" + id).with(as(secretary())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern("id=\"opensAt\"[^>]*value=\"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:00\"")
                .containsPattern("id=\"closesAt\"[^>]*value=\"20[0-9]{2}-[0-9]{2}-[0-9]{2}T17:00:00\"");
    }

    AmamoPrincipal secretary;

    private AmamoPrincipal secretary() {
        if (secretary == null) {
            secretary = users.create(Role.SECRETARIAT);
        }
        return secretary;
    }

    private MvcResult submit(Map<String, String> fields) throws Exception {
        var request = post("/applications/" + id + "/review").with(as(reviewer)).with(csrf());
        fields.forEach(request::param);
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
    }

    /** The application page, after {@code posted} (null: none) in the same session, which keeps its flash. */
    private String page(MvcResult posted, String language) throws Exception {
        var request = get("/applications/" + id).with(as(reviewer)).param("lang", language);
        if (posted != null) {
            request.cookie(posted.getResponse().getCookies());
            request.session((org.springframework.mock.web.MockHttpSession)
                    posted.getRequest().getSession());
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Refusal> refusals(FlashMap flash) {
        return ((List<?>) flash.get("refusals"))
                .stream().map(Refusal.class::cast).toList();
    }

    /** The error text shown beneath the input of that id. */
    private static String errorsOf(String page, String inputId) {
        int at = page.indexOf("id=\"" + inputId + "-errors\"");
        assertThat(at).isPositive();
        int label = page.indexOf("<label", at);
        int paragraph = page.indexOf("<p ", at);
        int end = label < 0 ? paragraph : paragraph < 0 ? label : Math.min(label, paragraph);
        return page.substring(at, end);
    }
}
