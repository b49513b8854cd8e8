package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's journey in a real browser: an applicant registers, consults, draws the site on the map, fills the
 * form and sees the live net, submits; the secretariat returns it once; the applicant fixes and
 * resubmits; the secretariat confirms the fee and records the hearing; a reviewer enters certainty;
 * public comment opens and an anonymous visitor comments; the reviewer certifies; the project appears on
 * the public list of certified projects with its calculation sheet.
 */
class ApplicationJourneyTest extends BrowserJourney {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");


    @Test
    void fromRegistrationToACertifiedProjectOnThePublicList() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        String email = "coop-" + UUID.randomUUID() + "@example.jp";
        String name = "金沢湾アマモ場 " + UUID.randomUUID().toString().substring(0, 8);

        register(email);
        browser.logIn(email, TestUsers.PASSWORD);
        consult();
        browser.open("/applications");
        browser.type("#new-name", name);
        browser.click("#new-application");
        String editPath = browser.path();
        String applicationPath = editPath.replace("/edit", "");

        fillTheForm(email);
        browser.click("#save-application");
        assertThat(browser.text(".flash")).contains("一時保存");
        uploadEvidence();
        browser.screenshot("application-form");

        browser.open(applicationPath);
        assertThat(browser.pageText()).contains("7.7");
        assertThat(browser.present("#area-warning")).isFalse();
        browser.click("#action-SUBMIT");
        expectStatus("申請済み");
        browser.logOut();

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.type("#comment-RETURN", "面積の算定根拠に調査日を追記してください。");
        browser.click("#action-RETURN");
        expectStatus("差戻し");
        browser.logOut();

        browser.logIn(email, TestUsers.PASSWORD);
        browser.open(editPath);
        browser.type("#areaBasis", "2025年8月20日の潜水調査（GPS付き水中写真）で縁辺を記録した。");
        browser.click("#save-application");
        browser.open(applicationPath);
        browser.click("#action-RESUBMIT");
        expectStatus("申請済み");
        browser.logOut();

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.type("#invoice", "INV-2026-0042");
        browser.click("#action-CONFIRM_FEE");
        browser.set("#heldOn", java.time.LocalDate.now(SchemeTime.ZONE).toString());
        browser.type("#place", "横浜市金沢区 海の公園");
        browser.type("#record", "潜水調査の記録と水中写真を確認した。");
        browser.click("#action-RECORD_HEARING");
        expectStatus("ヒアリング済み");
        browser.select("#reviewerId", Long.toString(reviewer.userId()));
        browser.click("#assign-reviewer");
        browser.click("#action-START_REVIEW");
        expectStatus("審査中");
        browser.logOut();

        browser.logIn(reviewer.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.type("#findings", "面積は水中写真の範囲で評価した。");
        browser.type("#certainty-eelgrass-areaCertainty", "0.90");
        browser.type("#certainty-eelgrass-coefficientCertainty", "1.00");
        browser.click("#record-review");
        assertThat(browser.text(".flash")).contains("記録しました");
        browser.logOut();

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        LocalDateTime now = LocalDateTime.now(SchemeTime.ZONE);
        LocalDateTime closes = now.plusSeconds(25);
        browser.set("#opensAt", LOCAL.format(now.minusMinutes(1)));
        browser.set("#closesAt", LOCAL.format(closes));
        browser.click("#action-OPEN_PUBLIC_COMMENT");
        expectStatus("意見公募中");
        browser.logOut();

        browser.open("/projects/public-comment");
        assertThat(browser.text("#application-table")).contains(name);
        browser.open(applicationPath);
        browser.type("#comment-body", "地域の海を守る取組を応援します。");
        browser.click("#post-comment");
        assertThat(browser.text(".flash")).contains("受け付けました");

        while (LocalDateTime.now(SchemeTime.ZONE).isBefore(closes.plusSeconds(1))) {
            Thread.sleep(500);
        }
        browser.logIn(reviewer.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        assertThat(browser.text("#public-comments")).contains("地域の海を守る取組を応援します。");
        browser.click("#action-CERTIFY");
        expectStatus("認証");
        browser.logOut();

        browser.open("/projects/approved");
        assertThat(browser.text("#application-table")).contains(name);
        browser.open(applicationPath);
        // 7.8 ha x 1.58 x 0.90 x 1.00 = 11.0916 t-CO2, certified as 11.0 t.
        assertThat(browser.text("#certified-credit")).isEqualTo("11.0 t-CO2");
        assertThat(browser.text("#certified-sheet")).contains("\"uptakeT\": \"11.0916\"", "jbe-2.3");
        browser.screenshot("certified-application");
    }

    /** The application's status as shown; on a mismatch, the page (with any refusal) is in the message. */
    private void expectStatus(String status) {
        assertThat(browser.text("#application-status")).as(browser::pageText).isEqualTo(status);
    }

    /** Pre-consultation (事前相談) before applying: the applicant describes the planned project. */
    private void consult() {
        java.time.LocalDate start = java.time.LocalDate.of(2025, 4, 1);
        browser.click("#nav-consultations");
        browser.click("#new-consultation");
        browser.type("#title", "金沢湾アマモ場の申請について");
        browser.type("#summary", "漁協と市民がアマモの種を播いています。申請の進め方を相談したい。");
        browser.set("#prefecture", "14");
        browser.type("#placeName", "横浜市金沢区");
        browser.click("#ecosystem-seagrass");
        browser.set("#periodStart", start.toString());
        browser.set("#periodEnd", start.plusYears(1).minusDays(1).toString());
        browser.click("#consultation-submit");
        assertThat(browser.text(".flash")).contains("事前相談を申し込みました");
    }

    private void register(String email) {
        browser.open("/register");
        browser.click("#kind-organisation");
        browser.type("#organisationName", "金沢漁業協同組合");
        browser.type("#fullName", "海野 藻子");
        browser.type("#address", "神奈川県横浜市金沢区1-1");
        browser.type("#phone", "045-000-0000");
        browser.type("#email", email);
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        assertThat(browser.path()).startsWith("/login");
    }

    private void fillTheForm(String email) {
        browser.click("input[name='categories'][value='restoration']");
        browser.type("#prefecture", "神奈川県");
        browser.set("#startDate", "2015-04-01");
        browser.type("#overview", "漁業者と市民がアマモの種を播き、アマモ場を再生している。");
        browser.type("#rolesDescription", "漁協が播種と潜水調査、市民団体が種の選別を行う。");
        browser.type("#whyCredits", "活動資金を確保するため。");
        browser.type("#extensionPlan", "播種面積を毎年拡大する。");
        browser.type("#periodActivities", "播種2回、潜水調査4回。");
        browser.type("#areaBasis", "潜水調査で縁辺を記録した。");
        browser.type("#coefficientBasis", "方法論の既定値 1.58。");
        browser.type("#baselineRationale", "活動前は裸地のため0。");
        drawTheSite();

        browser.click("#add-plant");
        browser.select("#plants0\\.ecosystem", "seagrass");
        browser.type("#plants0\\.species", "アマモ");
        browser.click("#add-year");
        browser.set("#sheet\\.years0\\.start", "2025-04-01");
        browser.click("#add-component-0");
        browser.type("#sheet\\.years0\\.components0\\.id", "eelgrass");
        browser.select("#sheet\\.years0\\.components0\\.ecosystem", "seagrass");
        browser.type("#sheet\\.years0\\.components0\\.areaHa", "7.8");
        browser.type("#sheet\\.years0\\.baselineT", "0");
        browser.click("#add-holder");
        browser.type("#holders0\\.email", email);
        browser.type("#holders0\\.sharePercent", "100");
        // The live net follows the typing: 7.8 x 1.58 = 12.324 t, credit 12.3 t before certainty is scored.
        browser.waitForText("#live-credit", "12.3 t-CO2");
        assertThat(browser.text("#live-net")).isEqualTo("12.324");
    }

    /**
     * At zoom 16 and 35.33N a screen pixel is 1.9485 m, so a 170 x 120 px rectangle is about 331 m x 234 m:
     * 7.74 ha, within 10% of the declared 7.8 ha, so no area warning.
     */
    private void drawTheSite() {
        browser.script("document.getElementById('site-map').amamoMap.setView([35.334, 139.6285], 16, {animate: false});");
        browser.click(".leaflet-draw-draw-polygon");
        browser.clickMap("#site-map", -85, -60);
        browser.clickMap("#site-map", 85, -60);
        browser.clickMap("#site-map", 85, 60);
        browser.clickMap("#site-map", -85, 60);
        browser.clickMap("#site-map", -85, -60);
        assertThat(browser.value("#siteGeojson")).contains("MultiPolygon");
    }

    private void uploadEvidence() throws Exception {
        Path pdf = Files.createTempFile("area-survey", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% survey\n%%EOF\n");
        browser.select("#attachment-purpose", "AREA_BASIS");
        browser.find("#attachment-file").sendKeys(pdf.toString());
        browser.click("#upload-attachment");
        assertThat(browser.text(".flash")).contains("添付しました");
    }
}
