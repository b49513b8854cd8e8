package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.methodology.Message;
import org.amamo.platform.Refusal;
import org.amamo.testing.TestUsers;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The methodology library's errors reach Japanese pages in Japanese and English pages ({@code ?lang=en})
 * in English: on the CO2 form's live calculation, in the refusals of a submission (page and API), and for
 * a site file that cannot be read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class MethodologyMessagesTest {

    private static final String NEGATIVE_JA = "負の値は入力できません（入力値: -7.8）";
    private static final String NEGATIVE_EN = "must not be negative; got -7.8";
    /** A GPS track whose last point is some 800 m from its first. */
    private static final String OPEN_TRACK = ApplicationWorkflowTest.gpx(
            "<trkpt lat=\"35.3330\" lon=\"139.6270\"/><trkpt lat=\"35.3330\" lon=\"139.6303\"/>"
                    + "<trkpt lat=\"35.3353\" lon=\"139.6303\"/><trkpt lat=\"35.3390\" lon=\"139.6200\"/>");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    MessageSource messages;

    AmamoPrincipal applicant;

    @BeforeEach
    void applicant() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
    }

    /** A draft whose eelgrass area is {@code area}: negative areas are kept in a draft and refused on submission. */
    long draft(String area) {
        long id = drafts.create(applicant, "アマモ場");
        assertThat(drafts.save(applicant, id, EelgrassForm.complete("アマモ場", area, applicant.email()))
                        .refusals())
                .isEmpty();
        return id;
    }

    MockHttpServletRequestBuilder liveCalculation(long id, String area) {
        return post("/applications/{id}/calculate", id)
                .with(as(applicant))
                .with(csrf())
                .param("sheet.methodologyVersion", "jbe-2.3")
                .param("sheet.years[0].start", "2025-04-01")
                .param("sheet.years[0].baselineT", "0")
                .param("sheet.years[0].components[0].id", "eelgrass")
                .param("sheet.years[0].components[0].method", "area")
                .param("sheet.years[0].components[0].ecosystem", "seagrass")
                .param("sheet.years[0].components[0].areaHa", area);
    }

    @Test
    void theLiveCalculationShowsAWrongSheetValueInJapaneseByDefaultAndInEnglishOnRequest() throws Exception {
        long id = draft("7.8");

        mvc.perform(liveCalculation(id, "-7.8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(NEGATIVE_JA)))
                .andExpect(content().string(not(containsString(NEGATIVE_EN))));
        mvc.perform(liveCalculation(id, "-7.8").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(NEGATIVE_EN)))
                .andExpect(content().string(not(containsString(NEGATIVE_JA))));
    }

    @Test
    void theLiveCalculationShowsWarningsInTheReadersLanguage() throws Exception {
        long id = draft("7.8");

        mvc.perform(liveCalculation(id, "7.8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("確実性が未評価のため 1.00 として算定しました。算定結果は暫定値です")));
        mvc.perform(liveCalculation(id, "7.8").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("not yet scored; 1.00 was assumed and the result is provisional")));
    }

    @Test
    void aSubmissionWithAWrongSheetValueIsRefusedInTheReadersLanguage() throws Exception {
        long id = draft("-7.8");

        assertThat(pageAfter(post("/applications/{id}/actions/SUBMIT", id).with(csrf()), null))
                .contains("算定フォーム: " + NEGATIVE_JA);
        assertThat(pageAfter(post("/applications/{id}/actions/SUBMIT", id).with(csrf()), "en"))
                .contains("CO2 form: " + NEGATIVE_EN);
    }

    @Test
    void theApiRefusesAWrongSheetValueInTheReadersLanguage() throws Exception {
        long id = draft("-7.8");
        String field = "$.errors[?(@.field == 'sheet.years[0].components[0].areaHa')].message";

        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id).with(as(applicant)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(field).value("算定フォーム: " + NEGATIVE_JA));
        mvc.perform(post("/api/v1/applications/{id}/actions/SUBMIT", id)
                        .with(as(applicant))
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(field).value("CO2 form: " + NEGATIVE_EN));
    }

    @Test
    void anUnclosedSurveyTrackIsRefusedInTheReadersLanguage() throws Exception {
        long id = draft("7.8");
        MockMultipartFile file = new MockMultipartFile(
                "file", "edge.gpx", "application/gpx+xml", OPEN_TRACK.getBytes(StandardCharsets.UTF_8));

        assertThat(pageAfter(multipart("/applications/{id}/site", id).file(file).with(csrf()), null))
                .contains("サイトの形状に誤りがあります: /gpx/trk[0]/trkseg[0]: トラック0のセグメント0: "
                        + "トラックが閉じていません。最初の点と最後の点が 920.9 m 離れています。"
                        + "調査トラックは出発点（50 m 以内）まで戻る必要があります");
        assertThat(pageAfter(multipart("/applications/{id}/site", id).file(file).with(csrf()), "en"))
                .contains("The site geometry is wrong: /gpx/trk[0]/trkseg[0]: track 0, segment 0: the track is not "
                        + "closed: its first and last points are 920.9 m apart; a survey track must return to its "
                        + "start (within 50 m)");
    }

    /**
     * The page the applicant sees after a refused form: the action redirects with its refusals as flash
     * attributes, kept in the database-backed session (so serialized), and the next page lists them, in
     * English when {@code lang} is {@code en}.
     */
    private String pageAfter(MockHttpServletRequestBuilder action, String lang) throws Exception {
        MvcResult refused = mvc.perform(action.with(as(applicant)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Object flashed = refused.getFlashMap().containsKey("submitRefusals")
                ? refused.getFlashMap().get("submitRefusals")
                : refused.getFlashMap().get("refusals");
        assertThat(flashed).asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty();
        MockHttpServletRequestBuilder next = get(refused.getResponse().getRedirectedUrl())
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

    /**
     * Refusals travel to the next page in the database-backed session: a library message survives
     * serialization. An English reader gets the library's default (English) file, even on a machine whose
     * own locale is Japanese, since the message source does not fall back to the system locale.
     */
    @Test
    void aRefusalWithALibraryMessageIsSerializableAndEnglishIsTheDefault() throws Exception {
        Refusal refusal = MethodologyMessages.siteRefusals(
                        org.amamo.methodology.geometry.SurveyTrackImport.fromGpx(OPEN_TRACK)
                                .errors())
                .get(0);
        Refusal copy = roundTrip(refusal);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertThat(copy.message(messages, Locale.ENGLISH))
                    .startsWith("The site geometry is wrong: "
                            + "/gpx/trk[0]/trkseg[0]: track 0, segment 0: the track is not closed");
            assertThat(copy.message(messages, Locale.JAPANESE))
                    .startsWith("サイトの形状に誤りがあります: " + "/gpx/trk[0]/trkseg[0]: トラック0のセグメント0: トラックが閉じていません");
        } finally {
            Locale.setDefault(before);
        }
        Message apostrophe = Message.of("geojson.feature.geometry.unsupported", "Point");
        assertThat(messages.getMessage(MethodologyMessages.resolvable(apostrophe), Locale.ENGLISH))
                .isEqualTo(apostrophe.text())
                .isEqualTo("a site's geometry must be a Polygon or MultiPolygon; got Point");
        Message plain = Message.of("geometry.polygon.disconnected-interior");
        assertThat(messages.getMessage(MethodologyMessages.resolvable(plain), Locale.ENGLISH))
                .isEqualTo("the holes cut the polygon's interior in pieces");
    }

    private static Refusal roundTrip(Refusal refusal) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(refusal);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Refusal) in.readObject();
        }
    }
}
