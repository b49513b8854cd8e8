package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestSmtp;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Notification e-mails (issue 20, item 4): an in-app notification of a mailed kind also becomes a mail in the
 * recipient's language, through the outbox and an embedded SMTP server; each user turns off the kinds they do not
 * want, but not those they must act on, and only their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class NotificationMailTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.configure(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    Notifications notifications;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
    }

    @Test
    void aReturnedApplicationIsMailedToTheApplicantInJapanese() throws Exception {
        long id = submitted("浦のアマモ場");
        ok(submissions.move(secretariat, id, WorkflowAction.RETURN, "調査日を追記してください"));

        MimeMessage mail = single(applicant.email());
        assertThat(mail.getSubject()).isEqualTo("【Amamo】「浦のアマモ場」が「差戻し」になりました。");
        assertThat(TestSmtp.text(mail))
                .contains("様", "「浦のアマモ場」が「差戻し」になりました。", "/applications/" + id, "/account/notification-mail");
        assertThat(inOutbox(secretariat.email())).isZero();
    }

    @Test
    void aReturnedApplicationIsMailedInEnglishToAnApplicantWhoChoseEnglish() throws Exception {
        jdbc.sql("UPDATE user_account SET language = 'en' WHERE id = ?")
                .param(applicant.userId())
                .update();
        long id = submitted("Bay eelgrass");
        ok(submissions.move(secretariat, id, WorkflowAction.RETURN, "Add the survey date"));

        MimeMessage mail = single(applicant.email());
        assertThat(mail.getSubject()).isEqualTo("[Amamo] \"Bay eelgrass\" is now: Returned.");
        assertThat(TestSmtp.text(mail)).contains("Dear ", "/applications/" + id, "cannot be turned off");
    }

    @Test
    void aKindTurnedOffSendsNoMailWhileOthersStillReceiveIt() throws Exception {
        AmamoPrincipal keeps = users.create(Role.HOLDER);
        mvc.perform(settings(
                        applicant,
                        "APPLICATION_RETURNED",
                        "FEE_REQUESTED",
                        "REVIEW_ASSIGNED",
                        "BID_ALLOCATED",
                        "PAYMENT_DUE",
                        "HEARING_SCHEDULED"))
                .andExpect(redirectedUrl("/account/notification-mail"));
        assertThat(optedOut(applicant))
                .containsExactlyInAnyOrder(
                        "PUBLIC_COMMENT_OPENED",
                        "CERTIFIED_OR_REJECTED",
                        "PAYMENT_LAPSED",
                        "CREDITS_ISSUED",
                        "TRANSFER_RECEIVED",
                        "RETIREMENT_RECORDED");

        notifications.send(
                List.of(applicant.userId(), keeps.userId()),
                "notification.moved.PUBLIC_COMMENT",
                "浦のアマモ場",
                "/applications/1");

        assertThat(TestSmtp.awaitFor(keeps.email(), 1)).hasSize(1);
        assertThat(inOutbox(applicant.email())).isZero();
        assertThat(unread(applicant)).isEqualTo(1);
    }

    @Test
    void aSubmissionUnderAProgrammeThatChargesAFeeAsksTheApplicantToPayIt() throws Exception {
        jdbc.sql("UPDATE programme SET fee_flat_yen = 10000, fee_per_tonne_yen = 700 WHERE code = 'JBC'")
                .update();
        try {
            long id = submitted("浦のアマモ場");

            MimeMessage mail = single(applicant.email());
            assertThat(mail.getSubject()).contains("「浦のアマモ場」の申請を受け付けました。申請手数料をお支払いください。");
            assertThat(TestSmtp.text(mail)).contains("/applications/" + id);
            assertThat(mvc.perform(get("/applications/{id}", id).with(TestUsers.as(applicant)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .as("7.8 ha at 1.58 is 12.3 t: 10,000 + 700 x 12.3 = 18,610 yen")
                    .contains("id=\"fee-requested\"", "18,610円");
        } finally {
            jdbc.sql("UPDATE programme SET fee_flat_yen = 0, fee_per_tonne_yen = 0 WHERE code = 'JBC'")
                    .update();
        }
    }

    @Test
    void aSubmissionWithoutAFeeAsksForNothing() throws Exception {
        submitted("浦のアマモ場");
        assertThat(inOutbox(applicant.email())).isZero();
    }

    @Test
    void anInAppOnlyNotificationSendsNoMail() {
        notifications.send(
                List.of(applicant.userId()), "notification.moved.FEE_CONFIRMED", "浦のアマモ場", "/applications/1");
        assertThat(unread(applicant)).isEqualTo(1);
        assertThat(inOutbox(applicant.email())).isZero();
    }

    @Test
    void theSettingsPageShowsEveryKindOnAndTheMustActKindsDisabled() throws Exception {
        String page = mvc.perform(get("/account/notification-mail").with(TestUsers.as(applicant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("申請が差し戻されたとき", "申請手数料の支払いを求められたとき");
        assertThat(checkbox(page, "APPLICATION_RETURNED")).contains("checked").contains("disabled");
        assertThat(checkbox(page, "FEE_REQUESTED")).contains("checked").contains("disabled");
        assertThat(checkbox(page, "CERTIFIED_OR_REJECTED")).contains("checked").doesNotContain("disabled");
        assertThat(checkbox(page, "HEARING_SCHEDULED")).contains("checked").contains("disabled");
        assertThat(checkbox(page, "PAYMENT_DUE")).contains("checked").contains("disabled");
        for (String optional : List.of("CREDITS_ISSUED", "TRANSFER_RECEIVED", "RETIREMENT_RECORDED")) {
            assertThat(checkbox(page, optional)).contains("checked").doesNotContain("disabled");
        }
        assertThat(page).contains("保有口座にクレジットが移転されたとき", "配分の支払期限が近づいたとき");
        mvc.perform(get("/account/notification-mail")
                        .with(TestUsers.as(applicant))
                        .param("lang", "en"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("an application is returned for correction")));
    }

    @Test
    void aMustActKindCannotBeTurnedOffByATamperedForm() throws Exception {
        mvc.perform(settings(applicant, "FEE_REQUESTED", "REVIEW_ASSIGNED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("対応が必要な通知のメールは止められません。")));
        mvc.perform(settings(
                        applicant,
                        "APPLICATION_RETURNED",
                        "FEE_REQUESTED",
                        "REVIEW_ASSIGNED",
                        "BID_ALLOCATED",
                        "PAYMENT_DUE",
                        "HEARING_SCHEDULED",
                        "NO_SUCH_KIND"))
                .andExpect(status().isBadRequest());
        assertThat(optedOut(applicant)).isEmpty();

        long id = submitted("浦のアマモ場");
        ok(submissions.move(secretariat, id, WorkflowAction.RETURN, "調査日を追記してください"));
        assertThat(single(applicant.email()).getSubject()).contains("差戻し");
    }

    @Test
    void aUserChangesOnlyTheirOwnSettings() throws Exception {
        AmamoPrincipal other = users.create(Role.HOLDER);
        mvc.perform(settings(
                                applicant,
                                "APPLICATION_RETURNED",
                                "FEE_REQUESTED",
                                "REVIEW_ASSIGNED",
                                "BID_ALLOCATED",
                                "PAYMENT_DUE",
                                "HEARING_SCHEDULED")
                        .param("userId", String.valueOf(other.userId())))
                .andExpect(redirectedUrl("/account/notification-mail"));
        assertThat(optedOut(other)).isEmpty();
        assertThat(optedOut(applicant)).isNotEmpty();

        mvc.perform(post("/account/notification-mail").with(csrf()).param("kinds", "APPLICATION_RETURNED"))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/account/notification-mail")).andExpect(redirectedUrlPattern("**/login"));
        assertThat(optedOut(other)).isEmpty();
    }

    @Test
    void theApplicantsAreMailedWhenTheSecretariatSchedulesTheHearingAndSeeItOnTheirPage() throws Exception {
        AmamoPrincipal joint = users.create(applicant.organisationId(), Role.APPLICANT);
        jdbc.sql("UPDATE user_account SET language = 'en' WHERE id = ?")
                .param(applicant.userId())
                .update();
        long id = feeConfirmed("Bay eelgrass");
        java.time.LocalDate day =
                java.time.LocalDate.now(org.amamo.platform.SchemeTime.ZONE).plusDays(10);

        mvc.perform(schedule(secretariat, id, day.toString(), "10:30", "https://meet.example.jp/amamo"))
                .andExpect(redirectedUrl("/applications/" + id));

        MimeMessage mail = single(applicant.email());
        assertThat(mail.getSubject())
                .isEqualTo("[Amamo] The on-site hearing of \"Bay eelgrass\" is scheduled. See the "
                        + "date, time and place on the application's page, and attend.");
        assertThat(TestSmtp.text(mail)).contains("/applications/" + id, "cannot be turned off");
        assertThat(inOutbox(joint.email()))
                .as("only the applicants named on the application")
                .isZero();
        String page = mvc.perform(get("/applications/{id}", id).with(TestUsers.as(applicant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"hearing-plan\"", day + " 10:30", "https://meet.example.jp/amamo");
    }

    @Test
    void aHearingIsScheduledOnlyByTheSecretariatInTheFutureAndOnlyBeforeItIsHeld() throws Exception {
        long id = feeConfirmed("浦のアマモ場");
        String tomorrow = java.time.LocalDate.now(org.amamo.platform.SchemeTime.ZONE)
                .plusDays(1)
                .toString();
        String yesterday = java.time.LocalDate.now(org.amamo.platform.SchemeTime.ZONE)
                .minusDays(1)
                .toString();

        mvc.perform(schedule(applicant, id, tomorrow, "10:00", "漁協会議室")).andExpect(status().isForbidden());
        mvc.perform(schedule(users.create(Role.REVIEWER), id, tomorrow, "10:00", "漁協会議室"))
                .andExpect(status().isForbidden());
        for (String[] bad : new String[][] {
            {yesterday, "10:00", "漁協会議室", "date"},
            {tomorrow, "", "漁協会議室", "time"},
            {tomorrow, "10:00", " ", "venue"},
            {tomorrow, "10:00", "x".repeat(301), "venue"}
        }) {
            var refused = mvc.perform(schedule(secretariat, id, bad[0], bad[1], bad[2]))
                    .andExpect(redirectedUrl("/applications/" + id))
                    .andReturn();
            @SuppressWarnings("unchecked")
            List<org.amamo.platform.Refusal> refusals =
                    (List<org.amamo.platform.Refusal>) refused.getFlashMap().get("refusals");
            assertThat(refusals)
                    .as(String.join(" ", bad))
                    .extracting(org.amamo.platform.Refusal::field)
                    .contains(bad[3]);
        }
        long draft = drafts.create(applicant, "下書き");
        mvc.perform(schedule(secretariat, draft, tomorrow, "10:00", "漁協会議室"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("refusals"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE id IN (?, ?) AND hearing_scheduled_at IS NOT NULL")
                        .params(id, draft)
                        .query(Long.class)
                        .single())
                .as("no refused attempt changed anything")
                .isZero();
        assertThat(inOutbox(applicant.email())).isZero();
    }

    private long feeConfirmed(String name) {
        long id = submitted(name);
        ok(submissions.confirmFee(secretariat, id, "INV-1"));
        return id;
    }

    private static MockHttpServletRequestBuilder schedule(
            AmamoPrincipal user, long id, String date, String time, String venue) {
        return post("/applications/{id}/hearing/schedule", id)
                .with(TestUsers.as(user))
                .with(csrf())
                .param("date", date)
                .param("time", time)
                .param("venue", venue);
    }

    private long submitted(String name) {
        long id = drafts.create(applicant, name);
        ok(drafts.save(applicant, id, EelgrassForm.complete(name, "7.8", applicant.email())));
        ok(attachments.store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", PDF));
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        return id;
    }

    private static void ok(org.amamo.platform.Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }

    private static MockHttpServletRequestBuilder settings(AmamoPrincipal user, String... kinds) {
        return post("/account/notification-mail")
                .with(TestUsers.as(user))
                .with(csrf())
                .param("kinds", kinds);
    }

    /** The checkbox of a kind on the settings page, as a tag. */
    private static String checkbox(String page, String kind) {
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<input[^>]*id=\"kind-" + kind + "\"[^>]*>")
                .matcher(page);
        assertThat(tag.find()).as(kind).isTrue();
        return tag.group();
    }

    private static MimeMessage single(String email) throws InterruptedException {
        List<MimeMessage> received = TestSmtp.awaitFor(email, 1);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private long inOutbox(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private long unread(AmamoPrincipal user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ?")
                .param(user.userId())
                .query(Long.class)
                .single();
    }

    private List<String> optedOut(AmamoPrincipal user) {
        return jdbc.sql("SELECT kind FROM notification_mail_optout WHERE user_id = ?")
                .param(user.userId())
                .query(String.class)
                .list();
    }
}
