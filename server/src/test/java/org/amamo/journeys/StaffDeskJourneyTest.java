package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21's review form, assignments and change history in a real browser, on demo data of its own: a refused
 * review keeps what the reviewer typed and names the wrong field; assigning a reviewer twice is refused at the
 * field; an administrator's role change appears in the change history with before and after.
 */
@TestPropertySource(properties = {"amamo.test.demo-data=true", "amamo.test.context=staff-desk"})
class StaffDeskJourneyTest extends org.amamo.testing.BrowserJourney {

    private static final String DEMO_PASSWORD = "amamo-demo-password";

    @Test
    void aRefusedReviewKeepsWhatWasTypedAndNamesTheField() {
        browser.logIn("reviewer@amamo.example", DEMO_PASSWORD);
        browser.click("#todo-review-to-record .todo-rows a");
        String factor =
                (String) browser.evaluate("return document.querySelector(\"#review-form input[id^='certainty-']\").id");
        browser.type("#findings", "面積の根拠は十分です。");
        browser.type("#" + factor, "1.5");
        browser.click("#record-review");

        assertThat(browser.text("#" + factor + "-errors")).contains("0より大きく1以下");
        assertThat(browser.value("#" + factor)).isEqualTo("1.5");
        assertThat(browser.value("#findings")).isEqualTo("面積の根拠は十分です。");
        assertThat(browser.present("#review-recorded")).isFalse();
    }

    @Test
    void assigningAReviewerTwiceIsRefusedAtTheField() {
        browser.logIn("secretariat@amamo.example", DEMO_PASSWORD);
        browser.click("#todo-reviews-complete .todo-rows a");
        String assigned = browser.text("#assigned-reviewers .assigned-reviewer");
        Object chosen = browser.evaluate("""
                const select = document.getElementById('reviewerId');
                const option = [...select.options].find(o => o.text.includes('（割り当て済み）'));
                if (!option) { return null; }
                select.value = option.value;
                return option.text;""");
        assertThat(chosen).as("the form marks the reviewers already assigned").isNotNull();
        browser.click("#assign-reviewer");

        assertThat(browser.text("#reviewerId-errors")).contains("すでにこの申請の審査認証委員に割り当てられています");
        assertThat(browser.text("#assigned-reviewers")).contains(assigned);
        assertThat(browser.count("#assigned-reviewers .assigned-reviewer"))
                .as("nothing was added")
                .isEqualTo(browser.text("#assigned-reviewers").split("、").length);
    }

    @Test
    void aRoleChangeIsInTheChangeHistory() {
        AmamoPrincipal holder = users.create(Role.HOLDER);
        browser.logIn("admin@amamo.example", DEMO_PASSWORD);
        browser.open("/secretariat/users/" + holder.userId());
        browser.click("#role-APPLICANT");
        browser.click("#save-roles");

        browser.click("#nav-audit");
        assertThat(browser.path()).isEqualTo("/secretariat/audit");
        assertThat(browser.text("#audit-history")).contains(holder.email(), "admin@amamo.example");
        browser.open("/secretariat/audit?lang=en");
        assertThat(browser.text("#audit-history")).contains("Applicant");
    }
}
