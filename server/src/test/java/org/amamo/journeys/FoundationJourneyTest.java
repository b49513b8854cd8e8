package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.CorporateNumber;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's journey in a real browser: an organisation registers (an invalid 法人番号 is refused first),
 * logs in; the secretariat publishes a notice with a window; an anonymous visitor sees it and does not
 * see a notice whose window has ended; the page switches to English.
 */
class FoundationJourneyTest extends BrowserJourney {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void registerLogInPublishANoticeAndSeeItAsAVisitor() throws Exception {
        String email = "coop-" + UUID.randomUUID() + "@example.jp";
        browser.open("/register");
        browser.click("#kind-organisation");
        browser.type("#organisationName", "南三陸町漁業協同組合");
        browser.type("#corporateNumber", "1000012050002");
        browser.type("#fullName", "藻場 守");
        browser.type("#title", "組合長");
        browser.type("#address", "宮城県本吉郡南三陸町1-1");
        browser.type("#phone", "0226-00-0000");
        browser.type("#email", email);
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        assertThat(browser.text("#corporateNumber-errors")).contains("法人番号");
        browser.screenshot("register-invalid-corporate-number");

        String base = "000012050002".replace("0000", Integer.toString(1000 + (int) (Math.random() * 8999)));
        browser.type("#corporateNumber", CorporateNumber.checkDigit(base) + base);
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(".flash")).contains("登録しました");

        browser.logIn(email, TestUsers.PASSWORD);
        assertThat(browser.text(".who")).isEqualTo("藻場 守");
        browser.logOut();

        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        LocalDateTime now = LocalDateTime.now(SchemeTime.ZONE);
        String current = "意見公募を開始しました " + UUID.randomUUID();
        String ended = "終了した公募 " + UUID.randomUUID();
        publish(current, now.minusHours(1), now.plusDays(7));
        publish(ended, now.minusDays(10), now.minusHours(2));
        assertThat(browser.text("#notice-admin-table")).contains(current, ended);
        browser.logOut();

        browser.open("/");
        assertThat(browser.text("#home-notices")).contains(current).doesNotContain(ended);
        browser.open("/notices");
        assertThat(browser.text("#notice-list")).contains(current).doesNotContain(ended);
        browser.screenshot("public-notices");

        browser.open("/?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Turning the CO2 that sea forests take up into credits");
        assertThat(browser.text("#nav-login")).isEqualTo("Log in");
    }

    private void publish(String title, LocalDateTime start, LocalDateTime end) {
        browser.open("/secretariat/notices/new");
        browser.type("#title", title);
        browser.type("#body", "**現地調査**の日程をお知らせします。");
        browser.set("#publishStart", LOCAL.format(start));
        browser.set("#publishEnd", LOCAL.format(end));
        browser.click("#notice-submit");
        assertThat(browser.text(".flash")).contains("保存しました");
    }
}
