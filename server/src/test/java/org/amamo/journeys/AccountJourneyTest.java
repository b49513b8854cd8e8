package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * A new user registers, confirms the address from the mail's link, signs in, forgets the password and resets it from
 * the mail; a secretariat user is sent to enrol a second factor before the staff pages open. The mail is read from
 * the outbox, where the embedded default keeps it.
 */
class AccountJourneyTest extends BrowserJourney {

    static final String NEW_PASSWORD = "a brand new long password";

    @Test
    void registerConfirmSignInForgetThePasswordAndResetIt() throws Exception {
        String email = "journey-" + UUID.randomUUID() + "@example.jp";
        browser.open("/register");
        browser.click("#kind-individual");
        browser.type("#fullName", "干潟 守");
        browser.type("#address", "千葉県木更津市1-1");
        browser.type("#phone", "0438-00-0000");
        browser.type("#email", email);
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        assertThat(browser.text(".flash")).contains("確認のメール");

        browser.open(users.mailedLink(email, "/email/confirm"));
        browser.click("#confirm-email");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(".flash")).contains("確認しました");
        browser.screenshot("account-confirmed");

        browser.logIn(email, TestUsers.PASSWORD);
        assertThat(browser.text(".who")).isEqualTo("干潟 守");
        browser.logOut();

        browser.open("/login");
        browser.click("#forgot-password");
        browser.type("#reset-email", email);
        browser.click("#reset-request");
        assertThat(browser.text(".flash")).contains("再設定のリンク");
        String reset = users.mailedLink(email, "/password/reset");
        browser.open(reset);
        browser.type("#new-password", NEW_PASSWORD);
        browser.type("#new-password-confirmation", NEW_PASSWORD);
        browser.click("#reset-submit");
        assertThat(browser.text(".flash")).contains("再設定しました");

        browser.open(reset);
        assertThat(browser.text("#link-invalid")).contains("使えません");
        browser.logIn(email, NEW_PASSWORD);
        assertThat(browser.text(".who")).isEqualTo("干潟 守");
    }

    @Test
    void aSecretariatUserEnrolsASecondFactorBeforeReachingTheStaffPages() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        browser.open("/login");
        browser.type("#username", secretariat.email());
        browser.type("#password", TestUsers.PASSWORD);
        browser.click("#login-submit");
        assertThat(browser.path()).startsWith("/account/two-factor");
        browser.open("/secretariat/users");
        assertThat(browser.path()).startsWith("/account/two-factor");
        assertThat(browser.present("#two-factor-qr")).isTrue();
        browser.enrol(secretariat.email());
        browser.open("/secretariat/users");
        assertThat(browser.path()).startsWith("/secretariat/users");
        browser.logOut();

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open("/secretariat/users");
        assertThat(browser.path()).startsWith("/secretariat/users");
    }
}
