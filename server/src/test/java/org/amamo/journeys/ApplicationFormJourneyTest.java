package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The application form guides a new applicant in a real browser: rows are added in place without losing what was
 * typed or the place on the page, a pasted site is drawn and measured at once, and a refused submission lists every
 * problem by its field's label, each a link to the field.
 */
class ApplicationFormJourneyTest extends BrowserJourney {

    /** A rectangle of about 2.0 ha off Kanazawa (WGS84, longitude first). */
    private static final String SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[139.6270,35.3330],[139.6290,35.3330],"
            + "[139.6290,35.3339],[139.6270,35.3339],[139.6270,35.3330]]]}";

    @Test
    void aNewApplicantAddsRowsInPlacePastesASiteAndSeesEveryProblemByName() throws Exception {
        AmamoPrincipal applicant = users.create(users.organisation("金沢漁協"), Role.APPLICANT, Role.HOLDER);
        browser.logIn(applicant.email(), TestUsers.PASSWORD);
        browser.open("/applications");
        browser.type("#new-name", "野島アマモ場");
        browser.click("#new-application");
        String editPath = browser.path();

        browser.type("#overview", "まだ保存していない文章");
        browser.script("window.amamoSamePage = true; window.scrollTo(0, 1500);");
        browser.click("#add-plant");
        browser.click("#add-holder");
        assertThat(browser.present("#plants0\\.species")).isTrue();
        assertThat(browser.present("#holders0\\.email")).isTrue();
        assertThat(browser.value("#overview")).isEqualTo("まだ保存していない文章");
        assertThat((Boolean) browser.evaluate("return window.amamoSamePage === true;"))
                .as("the page was not loaded again")
                .isTrue();
        browser.click("#plants button[name=remove]");
        assertThat(browser.present("#plants0\\.species")).isFalse();

        browser.set("#siteGeojson", SITE);
        browser.script("document.getElementById('siteGeojson').dispatchEvent(new Event('input', {bubbles: true}));");
        browser.waitForText("#site-check", "ha");
        assertThat(browser.text("#site-check")).contains("地図上のサイトの面積");
        assertThat(browser.count("#site-map path.leaflet-interactive")).isEqualTo(1);
        browser.set("#siteGeojson", "{\"type\":\"Polygon\",\"coordinates\":[[[139.6,35.3],[139.7,35.3]]]}");
        browser.script("document.getElementById('siteGeojson').dispatchEvent(new Event('input', {bubbles: true}));");
        browser.waitForText("#site-check", "サイトの形状に誤りがあります");
        browser.screenshot("application-form-site-check");

        browser.open(editPath.replace("/edit", ""));
        browser.click("#action-SUBMIT");
        assertThat(browser.path()).isEqualTo(editPath);
        assertThat(browser.text("#problems")).contains("プロジェクト実施開始日", "対象とする海洋植物", "当初保有者");
        assertThat(browser.count("#problems li")).isGreaterThan(5);
        assertThat(browser.find("#startDate").getDomAttribute("class")).contains("invalid");
        browser.click("#problems a[href='#startDate']");
        assertThat((String) browser.evaluate("return document.location.hash;")).isEqualTo("#startDate");
        browser.screenshot("application-form-problems");

        browser.open(editPath + "?lang=en");
        browser.open(editPath.replace("/edit", ""));
        browser.click("#action-SUBMIT");
        assertThat(browser.text("#problems")).contains("Please correct these", "Project start date");
        // Base-map tiles cannot load on a machine without network; a script error or a CSP violation would be a defect.
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("net::ERR_"));
    }
}
