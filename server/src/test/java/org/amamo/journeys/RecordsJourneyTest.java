package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestProjects;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheme's own records in a real browser: a certified project's owner records the use of proceeds (a missing
 * description is named at its field), which the public then reads in English; the administrator adds a partner
 * municipality of the Yokohama programme (a wrong code is named at its field), which the public list shows with
 * the last day to apply, in Japanese and English.
 */
class RecordsJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void emptyThePartnerList() {
        jdbc.sql("DELETE FROM programme_partner").update();
    }

    @Test
    void aCertifiedProjectsOwnerRecordsTheUseOfProceedsAndThePublicReadsIt() {
        AmamoPrincipal owner = users.create(users.organisation("記録漁協"), Role.APPLICANT);
        int lastYear = java.time.LocalDate.now(SchemeTime.ZONE).minusMonths(3).getYear() - 1;
        long project = TestProjects.certified(jdbc, owner.userId(), "記録の藻場", lastYear);

        browser.logIn(owner.email(), TestUsers.PASSWORD);
        browser.open("/projects/" + project + "/proceeds?lang=en");
        browser.type("#fiscalYear", String.valueOf(lastYear));
        browser.type("#amountYen", "1200000");
        browser.click("#activity-conservation");
        browser.click("#proceeds-submit");
        assertThat(browser.pageText()).contains("Say what the proceeds paid for.");
        assertThat(browser.value("#amountYen")).as("what was typed stays").isEqualTo("1200000");

        browser.type("#description", "アマモの播種と潜水調査");
        browser.click("#proceeds-submit");
        assertThat(browser.text(".flash")).contains("Use of proceeds recorded.");
        browser.logOut();

        browser.open("/projects/approved?lang=en&sort=quantity&order=desc");
        assertThat(browser.text("#certification-record")).contains("Certified on", "Implementer");
        browser.open("/api/v1/projects/proceeds");
        assertThat(browser.pageText()).contains("アマモの播種と潜水調査", "\"amountYen\":1200000");
    }

    @Test
    void theAdministratorAddsAPartnerMunicipalityAndThePublicListShowsTheLastDayToApply() {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        browser.logIn(administrator.email(), TestUsers.PASSWORD);
        browser.click("#nav-partners-admin");
        assertThat(browser.path()).isEqualTo("/admin/programmes/YBC/partners");

        browser.type("#municipalityCode", "141004");
        browser.type("#name", "横浜市");
        browser.set("#latestExchangeOn", "2024-07-10");
        browser.click("#partner-save");
        assertThat(browser.text("#partner-form")).contains("全国地方公共団体コード");
        assertThat(browser.present("#partners")).isFalse();

        browser.type("#municipalityCode", "141003");
        browser.type("#name", "横浜市");
        browser.set("#latestExchangeOn", "2024-07-10");
        browser.click("#partner-save");
        assertThat(browser.text("#partners")).contains("横浜市", "141003", "2024-07-10", "2026-03-31");
        browser.logOut();

        browser.open("/programmes/YBC/partners");
        assertThat(browser.text("#partners")).contains("横浜市", "2026-03-31");
        browser.open("/programmes/YBC/partners?lang=en");
        assertThat(browser.text("#partner-rule")).contains("end of the fiscal year");
        assertThat(browser.text("#partners")).contains("Apply by", "141003", "2026-03-31");
        assertThat(browser.find("#partners-csv").getDomAttribute("href")).isEqualTo("/programmes/YBC/partners.csv");
    }
}
