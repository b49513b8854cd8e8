package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.amamo.application.internal.ApplicationDriver;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 22's journey in a real browser: the administrator sets a 10 % buffer for seagrass in J Blue Credit; an
 * application with its Core Carbon Principles statements and survey methods is reviewed, its checklist assessed,
 * and certified; the project's public page shows the assessment, the survey record, the uncertainty band and the
 * buffer's part of its batch; the buffer's units and the holder's add up to the certified units; the secretariat
 * records a reversal larger than the buffer, confirming it, and the public buffer page shows it with the shortfall.
 */
@Import(ApplicationDriver.class)
class PermanenceJourneyTest extends BrowserJourney {

    @Autowired
    ApplicationDriver applications;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noBufferForOtherJourneys() {
        jdbc.sql("DELETE FROM programme_buffer_share").update();
    }

    @Test
    void aProjectCertifiedUnderATenPercentBufferLosesPartOfItsMeadow() throws Exception {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.committeeReviewer(null);
        AmamoPrincipal applicant = users.create(users.organisation("野島漁業協同組合"), Role.APPLICANT, Role.HOLDER);
        ReviewSteps steps = new ReviewSteps(browser);

        browser.logIn(administrator.email(), TestUsers.PASSWORD);
        browser.open("/admin/programmes");
        browser.type("#buffer-JBC-seagrass", "10");
        browser.click("#save-buffer-JBC");
        assertThat(browser.text(".flash")).as(browser::pageText).contains("バッファ率を保存しました");
        browser.logOut();

        long id = applications.feeConfirmed(applicant, secretariat, "JBC", "jbe-2.3-ranges");
        String path = "/applications/" + id;
        String projectCode = jdbc.sql("SELECT project_id FROM application WHERE id = ?")
                .param(id)
                .query((row, n) -> String.format("%04d", row.getLong(1)))
                .single();
        steps.secretariatHoldsTheHearingAndStartsTheReview(secretariat, path, reviewer, "横浜市金沢区 野島");
        steps.reviewerRecordsCertainty(
                reviewer,
                path,
                "面積は水中写真の範囲で評価した。",
                "eelgrass-areaCertainty",
                "0.90",
                "eelgrass-coefficientCertainty",
                "1.00");
        LocalDateTime closes = steps.secretariatOpensPublicComment(secretariat, path, 20);
        steps.reviewerCertifiesAfter(reviewer, path, closes);
        browser.logOut();

        // 2.0 ha x 1.58 x 0.90 x 1.00 = 2.844 t: 2.8 t certified, 28 units; 10 % of them, rounded down, to the buffer.
        browser.open(path + "?lang=en");
        assertThat(browser.text("#certified-credit")).isEqualTo("2.8 t-CO2");
        assertThat(browser.text("#quality-record")).contains("Additionality", "Meets");
        assertThat(browser.text("#survey-record")).contains("Underwater photo");
        assertThat(browser.text("#uncertainty-band")).contains("informative", "0.73 – 3.08");
        browser.waitForText("#batches", "0.2");
        assertThat(browser.text("#batches .batch-buffer")).isEqualTo("0.2");
        browser.screenshot("permanence-certified-project");

        browser.logIn(applicant.email(), TestUsers.PASSWORD);
        browser.open("/account/registry");
        browser.click("#registry-accounts td a");
        assertThat(browser.text("#balance")).isEqualTo("2.6");
        browser.logOut();
        browser.open("/registry/buffer/JBC");
        assertThat(browser.text("#buffer-balance")).isEqualTo("0.2 t-CO2");
        assertThat(browser.text("#buffer-projects")).contains(projectCode);

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open("/secretariat/registry/reversals");
        browser.select("#programmeCode", "JBC");
        browser.type("#projectCode", projectCode);
        browser.set("#occurredOn", LocalDate.now(SchemeTime.ZONE).minusDays(3).toString());
        browser.type("#areaHectares", "0.2");
        browser.type("#tonnesLost", "0.3");
        browser.type("#cause", "台風第10号による底質の流出");
        browser.type("#evidence", "潜水調査で北側0.2 haのアマモが消失していることを確認した。");
        browser.click("#reversal-submit");
        browser.confirm("0.3");
        assertThat(browser.text(".flash")).as(browser::pageText).contains("Reversal recorded");
        browser.logOut();

        browser.open("/registry/buffer/JBC?lang=en");
        assertThat(browser.text("#buffer-reversals")).contains(projectCode, "台風第10号");
        assertThat(browser.text("#buffer-balance")).isEqualTo("0.0 t-CO2");
        assertThat(browser.text("#buffer-cancelled")).isEqualTo("0.2 t-CO2");
        assertThat(browser.text("#buffer-shortfall")).isEqualTo("0.1 t-CO2");
        browser.screenshot("permanence-buffer-page");
    }
}
