package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.review.internal.ReviewDriver;
import org.amamo.testing.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 8's "done when", through the web form: a tugboat's fuel switch entered on the application form (reduction
 * sheet, yokohama-2019-reduction) calculates live to 103.2 t-CO2 with "type: reduction", wrong inputs are refused at
 * their fields, certification carries the reduction type to the registry (ApplicationCertified), which issues a
 * REDUCTION batch with YBC
 * serials; the holder retires part of it and the retirement certificate (PDF) says 削減.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ReviewDriver.class})
class ReductionCreditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ReviewDriver review;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    TestUsers users;

    @Autowired
    Clock clock;

    AmamoPrincipal applicant;

    @BeforeEach
    void applicant() {
        applicant = users.create(users.organisation("新日本海洋社"), Role.APPLICANT, Role.HOLDER);
    }

    /** The form as the browser sends it: a hybrid tug replacing a diesel one, 100,000 L -> 60,000 L of diesel. */
    MockHttpServletRequestBuilder tugboatForm(
            MockHttpServletRequestBuilder request, String projectFuel, String projectLitres) {
        return request.with(as(applicant))
                .with(csrf())
                .param("name", "横浜港 ハイブリッドタグボート")
                .param("programmeCode", "YBC")
                .param("categories", "conservation")
                .param("prefecture", "14")
                .param("startDate", "2017-04-01")
                .param("overview", "ディーゼルタグボートをハイブリッドタグボートに代替した。")
                .param("rolesDescription", "タグボート事業者が運航し燃料を記録する。")
                .param("whyCredits", "次の代替の資金とするため。")
                .param("extensionPlan", "残る船も代替する。")
                .param("periodActivities", "ハイブリッドタグボート1隻で曳航作業。")
                .param("baselineRationale", "代替前の燃料記録を同じ曳航時間に換算した。")
                .param("sheet.type", "reduction")
                .param("sheet.methodologyVersion", "yokohama-2019-reduction")
                .param("sheet.years[0].start", "2025-04-01")
                .param("sheet.years[0].components[0].id", "hybrid-tug")
                .param("sheet.years[0].components[0].method", "reduction-fuel-switch")
                .param("sheet.years[0].components[0].baselineFuel", "diesel")
                .param("sheet.years[0].components[0].baselineFuelLitres", "100000")
                .param("sheet.years[0].components[0].baselineBasis", "代替前の燃料記録を曳航時間で換算")
                .param("sheet.years[0].components[0].projectFuel", projectFuel)
                .param("sheet.years[0].components[0].projectFuelLitres", projectLitres)
                .param("holders[0].email", applicant.email())
                .param("holders[0].sharePercent", "100")
                .param("quality.additionality", "建造費の差額をクレジット収益で回収する。")
                .param("quality.permanence", "排出削減であり反転しない。")
                .param("quality.permanenceMonitoring", "燃料記録を毎月集計する。")
                .param("quality.sustainableDevelopment", "港の大気汚染と騒音を減らす。")
                .param("quality.sdgs", "3", "13")
                .param("quality.noDoubleCounting", "他の制度に申請していない。")
                .param("quality.netZero", "残る船も代替する。");
    }

    long newDraft() throws Exception {
        String location = mvc.perform(
                        post("/applications").with(as(applicant)).with(csrf()).param("name", "タグボート"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    @Test
    void aFuelSwitchCalculatesLiveAsAReductionAndWrongInputsAreShownAtTheirFields() throws Exception {
        long id = newDraft();
        String live = mvc.perform(tugboatForm(post("/applications/" + id + "/calculate"), "diesel", "60000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // (100 kL - 60 kL) x 2.58 t-CO2/kL = 103.2 t-CO2.
        assertThat(live).contains("103.2 t-CO2", "type: reduction", "削減", "258", "154.8");

        // LNG is measured in tonnes: litres are refused, at the field, and nothing else changes.
        String refused = mvc.perform(tugboatForm(post("/applications/" + id + "/calculate"), "lng", "60000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("$.years[0].components[0].projectFuelLitres", "projectFuelTonnes");

        mvc.perform(tugboatForm(post("/applications/" + id + "/edit"), "lng", "60000"))
                .andExpect(status().is3xxRedirection());
        String edit = mvc.perform(get("/applications/" + id + "/edit").with(as(applicant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(edit)
                .containsPattern("id=\"sheet\\.years\\[0\\]\\.components\\[0\\]\\.projectFuelLitres-errors\">\\s*"
                        + "<span>[^<]*トン");
        // The baseline and vessels of a removal sheet are hidden (and disabled) on a reduction sheet.
        assertThat(edit)
                .containsPattern("data-types=\"removal\"(?=[^>]*hidden=\"hidden\")(?=[^>]*disabled=\"disabled\")");
        // A wrong credit type or prefecture is refused at its field, and nothing is saved.
        String wrong = mvc.perform(tugboatForm(post("/applications/" + id + "/edit"), "diesel", "60000")
                        .param("sheet.type", "offset")
                        .param("prefecture", "99"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong).contains("id=\"prefecture-errors\"").contains("クレジットの種類は");
        assertThat(applications.find(id).orElseThrow().prefecture()).isEqualTo("14");
    }

    @Test
    void aCertifiedFuelSwitchIsIssuedAsReductionWithYbcSerialsAndItsRetirementCertificateSaysSo() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.committeeReviewer(null);
        long id = newDraft();
        mvc.perform(tugboatForm(post("/applications/" + id + "/edit"), "diesel", "60000"))
                .andExpect(status().is3xxRedirection());
        assertThat(attachments
                        .store(id, applicant.userId(), "BASELINE", "fuel-log.pdf", ApplicationWorkflowTest.PDF)
                        .refusals())
                .isEmpty();
        String page = mvc.perform(get("/applications/" + id).with(as(applicant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The sheet lists every input with its source: the table's diesel factor cites its source.
        assertThat(page).contains("id=\"sheet-type\">削減", "代替前の燃料記録を曳航時間で換算", "2.58 t-CO2/kL", "神奈川県");

        ApplicationWorkflowTest.ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ApplicationWorkflowTest.ok(submissions.confirmFee(secretariat, id, "INV-YBC-1"));
        ApplicationWorkflowTest.ok(
                review.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "横浜港", "燃料記録を確認"));
        ApplicationWorkflowTest.ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ApplicationWorkflowTest.ok(review.startReview(secretariat, id));
        ApplicationWorkflowTest.ok(
                review.recordReview(reviewer, id, "換算は妥当", Map.of("hybrid-tug", Map.of("certainty", "0.95"))));
        Instant now = clock.instant();
        ApplicationWorkflowTest.ok(review.openPublicComment(
                secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
        ApplicationWorkflowTest.ok(review.assessQualityAsMet(reviewer, id));
        ApplicationWorkflowTest.ok(review.certify(reviewer, id, null));

        // 103.2 t x 0.95 = 98.04 t, rounded down: 98.0 t = 980 units, of type reduction.
        StoredApplication certified = applications.find(id).orElseThrow();
        assertThat(certified.certifiedUnits()).isEqualTo(980);
        assertThat(certified.certifiedResult()).contains("\"type\": \"reduction\"");

        String batches = awaitBatch(certified.projectCode());
        assertThat(batches).contains("\"creditType\":\"REDUCTION\"").contains("YBC-2025-" + certified.projectCode());

        long account = holdingAccount();
        String retirement = mvc.perform(post("/account/registry/accounts/" + account + "/retire")
                        .with(as(applicant))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "10.0")
                        .param("beneficiary", "横浜市")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "海の日イベントの電力")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("reportingYear", "2025")
                        .param("requestKey", "retire-" + id))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        byte[] pdf = mvc.perform(get(retirement + "/certificate.pdf"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(pdfText(pdf)).contains("削減", "YBC-2025-" + certified.projectCode(), "10.0");
        byte[] english = mvc.perform(get(retirement + "/certificate.pdf").param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(pdfText(english)).contains("Reduction");
    }

    /** The registry issues after the certifying transaction commits, on another thread. */
    private String awaitBatch(String projectCode) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String body = mvc.perform(get("/api/v1/registry/batches").param("projectCode", projectCode))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (body.contains("YBC-")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no batch was issued for project " + projectCode);
    }

    private long holdingAccount() throws Exception {
        String accounts = mvc.perform(get("/account/registry").with(as(applicant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher matcher = Pattern.compile("/account/registry/accounts/(\\d+)").matcher(accounts);
        assertThat(matcher.find()).as(accounts).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
