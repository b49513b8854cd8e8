package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.Browser;
import org.amamo.testing.TestUsers;

/**
 * The steps every application journey shares, in the browser: evidence upload, the secretariat's fee and hearing,
 * the committee's review, public comment and certification. Each step signs in as the party who takes it and
 * signs out again.
 */
final class ReviewSteps {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Browser browser;

    ReviewSteps(Browser browser) {
        this.browser = browser;
    }

    /** The application's status as shown; on a mismatch, the page (with any refusal) is in the message. */
    void expectStatus(String status) {
        assertThat(browser.text("#application-status")).as(browser::pageText).isEqualTo(status);
    }

    /** Attaches a small PDF as evidence with this purpose (AREA_BASIS, BASELINE ...) on the edit page. */
    void uploadEvidence(String purpose) throws Exception {
        Path pdf = Files.createTempFile("evidence", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% evidence\n%%EOF\n");
        browser.select("#attachment-purpose", purpose);
        browser.find("#attachment-file").sendKeys(pdf.toString());
        browser.click("#upload-attachment");
        assertThat(browser.text(".flash")).contains("添付しました");
    }

    /** The secretariat confirms the fee, records the hearing, assigns the reviewer and starts the review. */
    void secretariatPreparesTheReview(
            AmamoPrincipal secretariat, String applicationPath, AmamoPrincipal reviewer, String place) {
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.type("#invoice", "INV-2026-0042");
        browser.click("#action-CONFIRM_FEE");
        browser.logOut();
        secretariatHoldsTheHearingAndStartsTheReview(secretariat, applicationPath, reviewer, place);
    }

    /** After the fee: the secretariat records the hearing, assigns the reviewer and starts the review. */
    void secretariatHoldsTheHearingAndStartsTheReview(
            AmamoPrincipal secretariat, String applicationPath, AmamoPrincipal reviewer, String place) {
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.set("#heldOn", LocalDate.now(SchemeTime.ZONE).toString());
        browser.type("#place", place);
        browser.type("#record", "記録と写真を確認した。");
        browser.click("#action-RECORD_HEARING");
        expectStatus("ヒアリング済み");
        browser.select("#reviewerId", Long.toString(reviewer.userId()));
        browser.click("#assign-reviewer");
        browser.click("#action-START_REVIEW");
        browser.confirm();
        expectStatus("審査中");
        browser.logOut();
    }

    /** The reviewer records findings and certainty: {@code factors} are pairs of field id suffix and value. */
    void reviewerRecordsCertainty(AmamoPrincipal reviewer, String applicationPath, String findings, String... factors) {
        browser.logIn(reviewer.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.type("#findings", findings);
        for (int i = 0; i < factors.length; i += 2) {
            browser.type("#certainty-" + factors[i], factors[i + 1]);
        }
        browser.click("#record-review");
        assertThat(browser.text(".flash")).contains("記録しました");
        reviewerAssessesQualityAsMet();
        browser.logOut();
    }

    /**
     * The applicant states, on the edit page, the project's case on each criterion of the Core Carbon Principles and
     * the SDGs it serves (required to submit); the form is saved with the rest.
     */
    void applicantStatesQuality() {
        browser.type("#quality\\.additionality", "クレジット収益がなければ活動を継続できない。");
        browser.type("#quality\\.permanence", "台風による衰退のおそれがあり、衰退した区画は播種し直す。");
        browser.type("#quality\\.permanenceMonitoring", "毎年8月に潜水調査で面積を記録し公表する。");
        browser.type("#quality\\.sustainableDevelopment", "稚魚の育成場となり、環境学習の場となる。");
        browser.click("#quality\\.sdgs14");
        browser.type("#quality\\.noDoubleCounting", "他の制度に申請していない。");
        browser.type("#quality\\.netZero", "化石燃料の使用を増やす活動はない。");
    }

    /** The signed-in reviewer, on the application page, assesses every criterion as met, with a reason. */
    private void reviewerAssessesQualityAsMet() {
        for (String criterion :
                new String[] {"additionality", "permanence", "sustainable-development", "no-double-counting", "net-zero"
                }) {
            browser.click("#outcome-" + criterion + "-MEETS");
            browser.type("#reason-" + criterion, "申請者の説明と証拠を確認した。");
        }
        browser.click("#record-quality-assessment");
        assertThat(browser.text(".flash")).as(browser::pageText).contains("コアカーボン原則の評価を記録しました");
    }

    /** The secretariat opens public comment until {@code seconds} from now; returns when it closes. */
    LocalDateTime secretariatOpensPublicComment(AmamoPrincipal secretariat, String applicationPath, int seconds) {
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        LocalDateTime now = LocalDateTime.now(SchemeTime.ZONE);
        LocalDateTime closes = now.plusSeconds(seconds);
        browser.set("#opensAt", LOCAL.format(now.minusMinutes(1)));
        browser.set("#closesAt", LOCAL.format(closes));
        browser.click("#action-OPEN_PUBLIC_COMMENT");
        browser.confirm();
        expectStatus("意見公募中");
        browser.logOut();
        return closes;
    }

    /** Waits for the comment window to close; the reviewer then certifies. Leaves the reviewer signed in. */
    void reviewerCertifiesAfter(AmamoPrincipal reviewer, String applicationPath, LocalDateTime closes)
            throws InterruptedException {
        while (LocalDateTime.now(SchemeTime.ZONE).isBefore(closes.plusSeconds(1))) {
            Thread.sleep(500);
        }
        browser.logIn(reviewer.email(), TestUsers.PASSWORD);
        browser.open(applicationPath);
        browser.click("#action-CERTIFY");
        browser.confirm();
        expectStatus("認証");
    }
}
