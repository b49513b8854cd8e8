package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's "done when" in a real browser: an applicant of the Yokohama programme enters a tugboat's fuel switch
 * as a reduction on the application form and sees the live reduction; it is reviewed and certified; the registry
 * issues a REDUCTION batch with YBC serials to the applicant, who retires part of it; the retirement certificate
 * (PDF) says 削減, and the programme's statistics count the retirement.
 */
class ReductionJourneyTest extends BrowserJourney {

    @Test
    void aTugboatFuelSwitchBecomesRetiredReductionCreditsWithYbcSerials() throws Exception {
        AmamoPrincipal applicant = users.create(users.organisation("新日本海洋社"), Role.APPLICANT, Role.HOLDER);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.committeeReviewer(null);
        ReviewSteps steps = new ReviewSteps(browser);
        String name = "横浜港 ハイブリッドタグボート " + UUID.randomUUID().toString().substring(0, 8);

        browser.logIn(applicant.email(), TestUsers.PASSWORD);
        browser.open("/applications");
        browser.type("#new-name", name);
        browser.click("#new-application");
        String applicationPath = browser.path().replace("/edit", "");
        fillTheReductionForm(applicant.email());
        steps.applicantStatesQuality();
        browser.click("#save-application");
        assertThat(browser.text(".flash")).contains("一時保存");
        steps.uploadEvidence("BASELINE");
        browser.screenshot("reduction-form");

        browser.open(applicationPath);
        assertThat(browser.text("#credit-type")).isEqualTo("削減");
        assertThat(browser.text("#sheet-inputs"))
                .contains("hybrid-tug", "100000 L", "2.58 t-CO2/kL", "代替前の燃料記録を曳航時間で換算");
        browser.click("#action-SUBMIT");
        steps.expectStatus("申請済み");
        browser.logOut();

        steps.secretariatPreparesTheReview(secretariat, applicationPath, reviewer, "横浜港 大黒ふ頭");
        steps.reviewerRecordsCertainty(reviewer, applicationPath, "燃料記録と曳航時間の換算は妥当。", "hybrid-tug-certainty", "1.00");
        LocalDateTime closes = steps.secretariatOpensPublicComment(secretariat, applicationPath, 15);
        steps.reviewerCertifiesAfter(reviewer, applicationPath, closes);
        // (100 kL - 60 kL) x 2.58 t-CO2/kL x 1.00 = 103.2 t-CO2.
        assertThat(browser.text("#certified-credit")).isEqualTo("103.2 t-CO2");
        assertThat(browser.text("#certified-type")).isEqualTo("削減");
        assertThat(browser.text("#certified-calculation"))
                .contains("hybrid-tug", "ベースライン排出量", "258", "プロジェクト排出量", "154.8", "削減量", "103.2");
        browser.logOut();

        browser.logIn(applicant.email(), TestUsers.PASSWORD);
        openTheIssuedAccount();
        browser.type("#retire-form #tonnes", "10.0");
        browser.type("#beneficiary", "横浜市");
        browser.select("#purpose", "EVENT");
        browser.type("#emissionsOffset", "海の日イベントの電力");
        browser.type("#offsetTonnesCo2", "10");
        browser.click("#offset-coverage input[value=ALL]");
        browser.type("#reportingYear", "2025");
        browser.click("#retire-submit");
        browser.confirm();
        assertThat(browser.path()).startsWith("/registry/retirements/");
        String record = browser.pageText();
        assertThat(record).contains("YBC-", "削減");
        browser.screenshot("reduction-retirement");

        String pdf = pdfText(browser.find("#retirement-certificate").getDomProperty("href"));
        assertThat(pdf).contains("削減", "YBC-", "10.0");

        browser.open("/programmes/YBC/statistics");
        assertThat(browser.text("#usage-by-purpose")).contains("10.0");
        assertThat(browser.text("#usage-by-ecosystem")).contains("燃料転換");
        assertThat(browser.present("#usage-by-purpose-chart")).isTrue();
    }

    private void fillTheReductionForm(String email) {
        browser.select("#programmeCode", "YBC");
        browser.select("#sheet\\.methodologyVersion", "yokohama-2019-reduction");
        browser.select("#sheet\\.type", "reduction");
        browser.click("input[name='categories'][value='conservation']");
        browser.select("#prefecture", "14");
        browser.set("#startDate", "2017-04-01");
        browser.type("#overview", "ディーゼルタグボートをハイブリッドタグボートに代替した。");
        browser.type("#rolesDescription", "タグボート事業者が運航し、燃料を記録する。");
        browser.type("#whyCredits", "次の代替の資金とするため。");
        browser.type("#extensionPlan", "残るタグボートも代替する。");
        browser.type("#periodActivities", "ハイブリッドタグボート1隻で曳航作業。");
        browser.type("#baselineRationale", "代替前の燃料記録を同じ曳航時間に換算した。");
        browser.click("#add-year");
        browser.set("#sheet\\.years0\\.start", "2025-04-01");
        browser.click("#add-component-0");
        String component = "#sheet\\.years0\\.components0\\.";
        browser.type(component + "id", "hybrid-tug");
        browser.select(component + "method", "reduction-fuel-switch");
        browser.select(component + "baselineFuel", "diesel");
        browser.type(component + "baselineFuelLitres", "100000");
        browser.type(component + "baselineBasis", "代替前の燃料記録を曳航時間で換算");
        browser.select(component + "projectFuel", "diesel");
        browser.type(component + "projectFuelLitres", "60000");
        assertThat(browser.find(component + "areaHa").isDisplayed()).isFalse();
        assertThat(browser.find("#sheet\\.years0\\.baselineT").isDisplayed()).isFalse();
        browser.click("#add-holder");
        browser.type("#holders0\\.email", email);
        browser.type("#holders0\\.sharePercent", "100");
        // The live reduction follows the typing: (100 - 60) kL x 2.58 = 103.2 t-CO2.
        browser.waitForText("#live-credit", "103.2 t-CO2");
        assertThat(browser.text("#live-type")).isEqualTo("削減");
    }

    /** The registry issues after certification commits, on another thread: reload until the account is there. */
    private void openTheIssuedAccount() throws InterruptedException {
        for (int attempt = 0; attempt < 40 && !browser.present("#registry-accounts a"); attempt++) {
            browser.open("/account/registry");
            if (!browser.present("#registry-accounts a")) {
                Thread.sleep(250);
            }
        }
        browser.click("#registry-accounts a");
    }

    private static String pdfText(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
