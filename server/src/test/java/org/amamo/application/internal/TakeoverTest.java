package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.review.internal.ReviewDriver;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Take-over of a project (引継ぎ, seed 003): another applicant asks, the secretariat approves or refuses with a
 * reason, the previous owner is told, and the new owner continues the project from its latest application; both
 * owners appear with their dates on the project's page and in its history.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ReviewDriver.class})
class TakeoverTest {

    @Autowired
    TakeoverService takeovers;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ReviewDriver review;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    AmamoPrincipal founder;
    AmamoPrincipal successor;
    AmamoPrincipal secretariat;
    AmamoPrincipal reviewer;

    @BeforeEach
    void people() {
        founder = users.create(users.organisation("旧実施者漁協"), Role.APPLICANT, Role.HOLDER);
        successor = users.create(users.organisation("新実施者NPO"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
        reviewer = users.committeeReviewer(null);
    }

    @Test
    void a_rejected_project_is_taken_over_after_approval_and_the_new_owner_continues_it() throws Exception {
        long rejected = submitted(LocalDate.of(2023, 4, 1));
        prepareCertification(rejected);
        ok(review.reject(reviewer, rejected, "調査の根拠が不十分"));
        String code = applications.find(rejected).orElseThrow().projectCode();

        long request = takeovers.request(successor, code, "前実施者と合意し、調査体制を引き継ぐ").orThrow();

        assertThat(unreadNotifications(founder.userId(), "takeover.notification.requested"))
                .isEqualTo(1);
        assertThat(drafts.continueProject(successor, projectOf(rejected)).kind())
                .as("before approval the project is not the requester's")
                .isEqualTo(RefusalKind.NOT_FOUND);

        ok(takeovers.approve(secretariat, request));

        assertThat(unreadNotifications(founder.userId(), "takeover.notification.approved"))
                .isEqualTo(1);
        assertThat(takeovers.ownersOf(projectOf(rejected)))
                .extracting(ProjectOwner::userId)
                .containsExactly(founder.userId(), successor.userId());
        long continuation =
                drafts.continueProject(successor, projectOf(rejected)).orThrow();
        StoredApplication next = applications.find(continuation).orElseThrow();
        assertThat(next.ownerId()).isEqualTo(successor.userId());
        assertThat(next.continuesId()).isEqualTo(rejected);
        assertThat(applications.loadForm(continuation).getOverview())
                .as("the continuation carries the project's data over")
                .isEqualTo(applications.loadForm(rejected).getOverview());
        assertThat(drafts.continueFrom(founder, rejected).kind())
                .as("the previous owner no longer continues the project")
                .isEqualTo(RefusalKind.NOT_FOUND);

        mvc.perform(get("/applications/{id}", continuation).with(TestUsers.as(successor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"project-owners\"")))
                .andExpect(content().string(containsString("旧実施者漁協")))
                .andExpect(content().string(containsString("新実施者NPO")))
                .andExpect(content().string(containsString("id=\"takeover-history\"")));
    }

    @Test
    void a_certified_projects_public_page_shows_both_owners_and_the_continuation_links_the_earlier_certification() {
        long certified = submitted(LocalDate.of(2023, 4, 1));
        certify(certified);
        long request = takeovers
                .request(successor, applications.find(certified).orElseThrow().projectCode(), "事業を継承")
                .orThrow();
        ok(takeovers.approve(secretariat, request));

        long continuation = drafts.continueFrom(successor, certified).orThrow();

        assertThat(applications.loadForm(continuation).getSheet().getYears())
                .singleElement()
                .satisfies(year -> assertThat(year.getStart()).isEqualTo(LocalDate.of(2024, 4, 1)));
        try {
            mvc.perform(get("/applications/{id}", certified))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("旧実施者漁協")))
                    .andExpect(content().string(containsString("新実施者NPO")))
                    .andExpect(content().string(not(containsString("id=\"takeover-history\""))));
            mvc.perform(get("/applications/{id}", continuation).with(TestUsers.as(successor)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"earlier-certifications\"")))
                    .andExpect(content().string(containsString("/applications/" + certified + "\"")));
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    @Test
    void a_request_for_no_project_for_ones_own_project_or_while_one_is_pending_is_refused_at_the_project_field() {
        long withdrawn = submitted(LocalDate.of(2023, 4, 1));
        ok(submissions.move(founder, withdrawn, WorkflowAction.WITHDRAW, null));
        String code = applications.find(withdrawn).orElseThrow().projectCode();

        assertRefusedAt(takeovers.request(successor, "9999999", "理由"), "projectCode", "takeover.project.not-found");
        assertRefusedAt(takeovers.request(successor, "abc", "理由"), "projectCode", "takeover.project.not-found");
        assertRefusedAt(takeovers.request(founder, code, "理由"), "projectCode", "takeover.project.own");
        assertRefusedAt(takeovers.request(successor, code, " "), "statement", "takeover.statement.required");
        assertRefusedAt(
                takeovers.request(successor, code, "x".repeat(TakeoverService.TEXT_MAX + 1)),
                "statement",
                "takeover.statement.too-long");
        ok(takeovers.request(successor, code, "x".repeat(TakeoverService.TEXT_MAX)));
        AmamoPrincipal third = users.create(Role.APPLICANT);
        assertRefusedAt(takeovers.request(third, code, "理由"), "projectCode", "takeover.project.pending");
    }

    @Test
    void a_project_with_an_application_in_progress_cannot_be_taken_over() {
        long inReview = submitted(LocalDate.of(2023, 4, 1));

        assertRefusedAt(
                takeovers.request(
                        successor, applications.find(inReview).orElseThrow().projectCode(), "理由"),
                "projectCode",
                "takeover.project.in-progress");
    }

    @Test
    void the_secretariat_refuses_with_a_reason_and_the_owner_stays() {
        long withdrawn = submitted(LocalDate.of(2023, 4, 1));
        ok(submissions.move(founder, withdrawn, WorkflowAction.WITHDRAW, null));
        long request = takeovers
                .request(successor, applications.find(withdrawn).orElseThrow().projectCode(), "理由")
                .orThrow();

        assertRefusedAt(takeovers.refuse(secretariat, request, " "), "reason", "takeover.reason.required");
        assertThat(takeovers.refuse(successor, request, "自分で").kind()).isEqualTo(RefusalKind.FORBIDDEN);
        ok(takeovers.refuse(secretariat, request, "前実施者の同意書がありません"));

        assertThat(takeovers.approve(secretariat, request).kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(takeovers.ownersOf(projectOf(withdrawn)))
                .extracting(ProjectOwner::userId)
                .containsExactly(founder.userId());
        assertThat(unreadNotifications(successor.userId(), "takeover.notification.refused"))
                .isEqualTo(1);
    }

    @Test
    void the_web_form_shows_a_refusal_at_the_field_and_the_secretariat_decides_on_its_page() throws Exception {
        long withdrawn = submitted(LocalDate.of(2023, 4, 1));
        ok(submissions.move(founder, withdrawn, WorkflowAction.WITHDRAW, null));
        String code = applications.find(withdrawn).orElseThrow().projectCode();

        mvc.perform(post("/projects/takeovers")
                        .with(TestUsers.as(successor))
                        .with(csrf())
                        .param("projectCode", "0000999999")
                        .param("statement", "理由"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "projectCode", "takeover.project.not-found"));
        mvc.perform(post("/projects/takeovers")
                        .with(TestUsers.as(successor))
                        .with(csrf())
                        .param("projectCode", code)
                        .param("statement", "事業を継承"))
                .andExpect(redirectedUrlPattern("/projects/takeovers*"));
        mvc.perform(get("/secretariat/takeovers").with(TestUsers.as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("事業を継承")));
        mvc.perform(get("/secretariat/takeovers").with(TestUsers.as(successor))).andExpect(status().isForbidden());
        long request = takeovers.requestedBy(successor.userId()).get(0).id();
        mvc.perform(post("/secretariat/takeovers/{id}/approve", request)
                        .with(TestUsers.as(secretariat))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/secretariat/takeovers*"));
        mvc.perform(post("/projects/{p}/continue", projectOf(withdrawn))
                        .with(TestUsers.as(successor))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/applications/*/edit"));
        assertThat(applications.find(withdrawn).orElseThrow().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    private long submitted(LocalDate year) {
        long id = drafts.create(founder, "アマモ場");
        ApplicationForm form = EelgrassForm.complete("アマモ場 " + year, "7.8", founder.email());
        form.getSheet().getYears().get(0).setStart(year);
        ok(drafts.save(founder, id, form));
        ok(attachments.store(id, founder.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));
        ok(submissions.move(founder, id, WorkflowAction.SUBMIT, null));
        return id;
    }

    private void prepareCertification(long id) {
        ok(submissions.confirmFee(secretariat, id, "INV-" + id));
        ok(review.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "海の公園", "記録を確認"));
        ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ok(review.startReview(secretariat, id));
        ok(review.recordReview(
                reviewer, id, "妥当", Map.of("eelgrass", Map.of("areaCertainty", "1", "coefficientCertainty", "1"))));
        ok(review.assessQualityAsMet(reviewer, id));
        Instant now = clock.instant();
        ok(review.openPublicComment(secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
    }

    private void certify(long id) {
        prepareCertification(id);
        ok(review.certify(reviewer, id, null));
    }

    private long projectOf(long applicationId) {
        return applications.find(applicationId).orElseThrow().projectId();
    }

    private long unreadNotifications(long userId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND message_key = ? AND read_at IS NULL")
                .params(userId, key)
                .query(Long.class)
                .single();
    }

    private static void assertRefusedAt(Outcome<?> outcome, String field, String key) {
        assertThat(outcome.refusals())
                .extracting(Refusal::field, Refusal::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple(field, key));
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
