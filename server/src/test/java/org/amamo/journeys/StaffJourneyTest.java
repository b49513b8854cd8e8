package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.amamo.testing.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21's staff workspace in a real browser, on the demo data: each staff role lands on its to-do page after
 * signing in, the page lists what the demo leaves waiting for that role, and each row leads to the page where it is
 * acted on. An irreversible action answers a confirmation step first: going back from it changes nothing. The
 * menus offer each role only what it may use and mark the current page.
 */
@TestPropertySource(properties = "amamo.test.demo-data=true")
class StaffJourneyTest extends BrowserJourney {

    private static final String DEMO_PASSWORD = "amamo-demo-password";

    @Test
    void theSecretariatLandsOnItsToDoPageAndEachRowLeadsToTheAction() {
        browser.logIn("secretariat@amamo.example", DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/todo");
        assertThat(browser.find("#nav-todo").getDomAttribute("aria-current")).isEqualTo("page");
        // Heading, a demo item it lists, and what the row's page offers to act with.
        Map<String, List<String>> expected = Map.of(
                "#todo-submitted", List.of("本牧 ワカメ養殖とアマモ場", "#action-CONFIRM_FEE"),
                "#todo-hearing", List.of("八景島 ガラモ場の創出", "#action-RECORD_HEARING"),
                "#todo-start-review", List.of("平潟湾 干潟の保全", "#assign-reviewer"),
                "#todo-reviews-complete", List.of("野島 海草藻場の再生", "#action-OPEN_PUBLIC_COMMENT"),
                "#todo-consultations", List.of("海の公園", "#message-form"),
                "#todo-accounts-requested", List.of("みなとみらい商事", "#requested-accounts"));
        expected.forEach((heading, item) -> {
            browser.open("/todo");
            assertThat(browser.text(heading)).contains(item.get(0));
            browser.click(heading + " .todo-rows a");
            assertThat(browser.present(item.get(1)))
                    .as(heading + " leads to " + item.get(1))
                    .isTrue();
        });
    }

    @Test
    void anIrreversibleActionAsksFirstAndGoingBackChangesNothing() {
        browser.logIn("secretariat@amamo.example", DEMO_PASSWORD);
        browser.click("#todo-start-review .todo-rows a");
        String application = browser.path().replaceFirst("#.*", "");
        browser.click("#assign-reviewer");
        browser.click("#action-START_REVIEW");
        assertThat(browser.text("#confirm-lead")).contains("まだ実行していません");
        assertThat(browser.text("#confirm-lines")).contains("平潟湾 干潟の保全");
        browser.click("#confirm-back");
        assertThat(browser.path()).isEqualTo(application);
        assertThat(browser.text("#application-status")).isEqualTo("ヒアリング済み");

        browser.click("#nav-market-admin");
        assertThat(browser.path()).isEqualTo("/secretariat/market");
        browser.open(openRound());
        browser.click("#round-close");
        assertThat(browser.text("#confirm-lines")).contains("有効な入札");
        browser.click("#confirm-back");
        assertThat(browser.text("#round-status")).isEqualTo("公募中");
    }

    @Test
    void aReviewerSeesTheReviewAssignedAndIsNotOfferedApplications() {
        browser.logIn("reviewer@amamo.example", DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/todo");
        assertThat(browser.text("#todo-review-to-record")).contains("富岡 アマモ場の再生");
        assertThat(browser.present("#nav-applications")).isFalse();
        assertThat(browser.present("#nav-projects")).isFalse();
        assertThat(browser.present("#nav-reviews")).isTrue();
        browser.click("#todo-review-to-record .todo-rows a");
        assertThat(browser.present("#review-form")).isTrue();
    }

    @Test
    void anAdministratorSeesWhatNeedsConfiguring() {
        browser.logIn("admin@amamo.example", DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/todo");
        assertThat(browser.text("#todo-reviewers-without-committee")).contains("審査 二郎");
        browser.click("#todo-reviewers-without-committee .todo-rows a");
        assertThat(browser.path()).startsWith("/admin/programmes");
        assertThat(browser.present("#committee-JBC")).isTrue();
        assertThat(browser.find("#nav-programmes").getDomAttribute("aria-current"))
                .isEqualTo("page");
    }

    /** The demo's open round (the demo makes a settled round and an open one). */
    private String openRound() {
        for (int id = 1; id <= 5; id++) {
            browser.open("/secretariat/market/rounds/" + id);
            if (browser.present("#round-status")
                    && browser.text("#round-status").equals("公募中")) {
                return "/secretariat/market/rounds/" + id;
            }
        }
        throw new AssertionError("the demo has no open round");
    }
}
