package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's pre-consultation in a real browser: an applicant asks about continuing an eelgrass project
 * (a period that is not a whole year is refused first), the secretariat finds it in 事前相談一覧 and answers,
 * and the applicant reads the answer.
 */
class ConsultationJourneyTest extends BrowserJourney {

    @Test
    void anApplicantConsultsTheSecretariatAnswersAndTheApplicantReadsTheAnswer() throws Exception {
        AmamoPrincipal applicant = users.create(users.organisation("横浜市漁業協同組合"), Role.APPLICANT);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String title = "海の公園アマモ場の保全 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(SchemeTime.ZONE);
        LocalDate start = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() - 1 : today.getYear() - 2, 4, 1);

        browser.logIn(applicant.email(), TestUsers.PASSWORD);
        browser.click("#nav-consultations");
        browser.click("#new-consultation");
        browser.type("#title", title);
        browser.type("#summary", "市民団体と漁協がアマモの種まきと藻場の調査を続けています。");
        browser.set("#prefecture", "14");
        browser.type("#placeName", "横浜市金沢区 海の公園地先");
        browser.click("#ecosystem-seagrass");
        browser.click("#continuation");
        browser.type("#previousProject", "横浜港アマモ場再生プロジェクト");
        browser.click("#implementersChanged");
        browser.type("#implementerChanges", "地元のNPO法人が実施者に加わりました。");
        browser.set("#periodStart", start.toString());
        browser.set("#periodEnd", start.plusMonths(6).toString());
        browser.click("#consultation-submit");
        assertThat(browser.text("#periodEnd-errors")).contains("1年単位");
        browser.screenshot("consultation-period-refused");

        browser.set("#periodEnd", start.plusYears(1).minusDays(1).toString());
        browser.click("#consultation-submit");
        assertThat(browser.text(".flash")).contains("事前相談を申し込みました");
        assertThat(browser.text("#consultation-status")).isEqualTo("回答待ち");
        assertThat(browser.text("#consultation-facts")).contains("地元のNPO法人が実施者に加わりました。", "神奈川県");
        browser.logOut();

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.click("#nav-consultation-admin");
        browser.type("#q", title);
        browser.click("#search-submit");
        assertThat(browser.text("#consultation-admin-table")).contains(title, "横浜市漁業協同組合", "回答待ち");
        browser.click("#consultation-admin-table tbody a");
        browser.type("#body", "実施者の変更は、申請時のプロジェクト概要にも記載してください。");
        browser.click("#message-submit");
        assertThat(browser.text(".flash")).contains("送信しました");
        assertThat(browser.text("#consultation-status")).isEqualTo("回答済み");
        browser.logOut();

        browser.logIn(applicant.email(), TestUsers.PASSWORD);
        browser.click("#nav-consultations");
        assertThat(browser.text("#consultation-table")).contains(title, "回答済み");
        browser.click("#consultation-table tbody a");
        assertThat(browser.text("#thread")).contains("事務局", "実施者の変更は、申請時のプロジェクト概要にも記載してください。");
        browser.screenshot("consultation-answered");
    }
}
