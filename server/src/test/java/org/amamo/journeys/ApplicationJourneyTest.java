package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
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

    @Test
    void fromRegistrationToACertifiedProjectOnThePublicList() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.committeeReviewer(null);
        ReviewSteps steps = new ReviewSteps(browser);
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
        steps.applicantStatesQuality();
        browser.click("#save-application");
        assertThat(browser.text(".flash")).contains("一時保存");
        steps.uploadEvidence("AREA_BASIS");
        browser.screenshot("application-form");

        browser.open(applicationPath);
        assertThat(browser.pageText()).contains("7.7");
        assertThat(browser.text("#survey-record")).contains("漁業協同組合", "水中写真・動画、潜水・踏査", "文献値");
        assertThat(browser.present("#area-warning")).isFalse();
        browser.click("#action-SUBMIT");
        steps.expectStatus("申請済み");
        browser.logOut();

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.type("#comment-RETURN", "面積の算定根拠に調査日を追記してください。");
        browser.click("#action-RETURN");
        steps.expectStatus("差戻し");
        browser.logOut();

        browser.logIn(email, TestUsers.PASSWORD);
        browser.open(editPath);
        browser.type("#areaBasis", "2025年8月20日の潜水調査（GPS付き水中写真）で縁辺を記録した。");
        browser.click("#save-application");
        browser.open(applicationPath);
        browser.click("#action-RESUBMIT");
        steps.expectStatus("申請済み");
        browser.logOut();

        steps.secretariatPreparesTheReview(secretariat, applicationPath, reviewer, "横浜市金沢区 海の公園");
        steps.reviewerRecordsCertainty(
                reviewer,
                applicationPath,
                "面積は水中写真の範囲で評価した。",
                "eelgrass-areaCertainty",
                "0.90",
                "eelgrass-coefficientCertainty",
                "1.00");
        LocalDateTime closes = steps.secretariatOpensPublicComment(secretariat, applicationPath, 40);

        browser.open("/projects/public-comment");
        assertThat(browser.text("#application-table")).contains(name);
        browser.open(applicationPath);
        browser.type("#comment-body", "地域の海を守る取組を応援します。");
        browser.click("#post-comment");
        assertThat(browser.text(".flash")).contains("受け付けました");

        browser.logIn(reviewer.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        assertThat(browser.text("#public-comments")).contains("地域の海を守る取組を応援します。");
        browser.logOut();
        steps.reviewerCertifiesAfter(reviewer, applicationPath, closes);
        browser.logOut();

        browser.open("/projects/approved");
        assertThat(browser.text("#certification-record")).contains(name);
        browser.open(applicationPath);
        // 7.8 ha x 1.58 x 0.90 x 1.00 = 11.0916 t-CO2, certified as 11.0 t.
        assertThat(browser.text("#certified-credit")).isEqualTo("11.0 t-CO2");
        // The public sheet shows every figure that went in, the committee's certainty among them, and what came out.
        assertThat(browser.text("#certified-calculation")).contains("面積（ha）", "7.8", "1.58", "0.90", "11.0916");
        assertThat(browser.text("#certified-type")).isEqualTo("吸収");
        assertThat(browser.text("#calculation")).contains("jbe-2.3");
        browser.screenshot("certified-application");
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
        browser.select("#prefecture", "14");
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
        browser.click("input[name='sheet.years[0].components[0].surveyMethods'][value='UNDERWATER_PHOTO']");
        browser.click("input[name='sheet.years[0].components[0].surveyMethods'][value='DIVER_WALK']");
        browser.select("#sheet\\.years0\\.components0\\.coefficientBasisType", "LITERATURE");
        browser.select("#implementerType", "FISHERY_COOPERATIVE");
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
        browser.script(
                "document.getElementById('site-map').amamoMap.setView([35.334, 139.6285], 16, {animate: false});");
        browser.click(".leaflet-draw-draw-polygon");
        browser.clickMap("#site-map", -85, -60);
        browser.clickMap("#site-map", 85, -60);
        browser.clickMap("#site-map", 85, 60);
        browser.clickMap("#site-map", -85, 60);
        browser.clickMap("#site-map", -85, -60);
        assertThat(browser.value("#siteGeojson")).contains("MultiPolygon");
    }
}
