package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.claim.ClaimConflict;
import org.amamo.claim.ClaimRegister;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.IssuedBatches;
import org.amamo.review.internal.ReviewDriver;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One tonne certified once, through the application workflow: a continuation may not claim a year the project
 * already has certified, and another project's overlapping site blocks certification until it is resolved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ReviewDriver.class})
class DoubleIssuanceWorkflowTest {

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
    ClaimRegister claims;

    @Autowired
    IssuedBatches batches;

    @Autowired
    TestUsers users;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;
    AmamoPrincipal reviewer;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
        reviewer = users.committeeReviewer(null);
    }

    @Test
    void a_continuation_for_a_year_already_certified_is_refused_naming_the_batch_and_the_next_year_is_accepted()
            throws Exception {
        long first = draft(LocalDate.of(2023, 4, 1), null);
        ok(submissions.move(applicant, first, WorkflowAction.SUBMIT, null));
        certify(first);
        CreditBatch batch = issued(first);

        long next = drafts.continueFrom(applicant, first).orThrow();
        ApplicationForm proposed = applications.loadForm(next);
        assertThat(proposed.getSheet().getYears())
                .as("the continuation proposes the first year not yet certified")
                .singleElement()
                .satisfies(year -> assertThat(year.getStart()).isEqualTo(LocalDate.of(2024, 4, 1)));
        evidence(next);
        proposed.getSheet().getYears().get(0).setStart(LocalDate.of(2023, 4, 1));
        ok(drafts.save(applicant, next, proposed));

        Outcome<Void> refused = submissions.move(applicant, next, WorkflowAction.SUBMIT, null);

        assertThat(refused.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(refused.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo("sheet.years[0].start");
            assertThat(refusal.messageKey()).isEqualTo("claim.year.already-certified");
            assertThat(refusal.arguments()).contains(batch.batchSerial());
        });
        assertThat(applications.find(next).orElseThrow().status()).isEqualTo(ApplicationStatus.DRAFT);

        proposed.getSheet().getYears().get(0).setStart(LocalDate.of(2024, 4, 1));
        ok(drafts.save(applicant, next, proposed));
        ok(submissions.move(applicant, next, WorkflowAction.SUBMIT, null));
    }

    @Test
    void another_projects_overlapping_site_is_shown_and_blocks_certification_until_the_secretariat_determines_it()
            throws Exception {
        long certified = draft(LocalDate.of(2023, 4, 1), null);
        ok(submissions.move(applicant, certified, WorkflowAction.SUBMIT, null));
        certify(certified);
        String site = applications.loadForm(certified).getSiteGeojson();
        long overlapping = draft(LocalDate.of(2023, 4, 1), site);

        ok(submissions.move(applicant, overlapping, WorkflowAction.SUBMIT, null));
        List<ClaimConflict> conflicts = claims.conflictsOf(overlapping);
        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.otherApplicationId()).isEqualTo(certified);
            assertThat(conflict.overlapHectares())
                    .isBetween(new java.math.BigDecimal("7.7"), new java.math.BigDecimal("7.9"));
        });

        mvc.perform(get("/applications/{id}", overlapping).with(TestUsers.as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"claim-conflicts\"")))
                .andExpect(content().string(containsString("determination-form")))
                .andExpect(content().string(containsString("data-overlaps=\"overlap-geojson-view\"")));
        mvc.perform(get("/applications/{id}", overlapping).with(TestUsers.as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"claim-conflicts\"")))
                .andExpect(content().string(not(containsString("determination-form"))));
        prepareCertification(overlapping);
        assertThat(review.certify(reviewer, overlapping, null).refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("claim.conflict.unresolved");
        assertThat(applications.find(overlapping).orElseThrow().status()).isEqualTo(ApplicationStatus.PUBLIC_COMMENT);

        ok(claims.determine(
                overlapping,
                certified,
                "The earlier survey double-counted the bay; its credits were cancelled.",
                secretariat.userId()));
        ok(review.certify(reviewer, overlapping, null));
        mvc.perform(get("/applications/{id}", certified))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"claim-determinations\"")))
                .andExpect(content().string(containsString("its credits were cancelled")));
        assertThat(claims.determinationsOfProject(
                        applications.find(certified).orElseThrow().projectId()))
                .singleElement()
                .satisfies(determination ->
                        assertThat(determination.secondApplicationId()).isEqualTo(overlapping));
    }

    @Test
    void a_rejected_application_no_longer_blocks_another() {
        long rejected = draft(LocalDate.of(2023, 4, 1), null);
        ok(submissions.move(applicant, rejected, WorkflowAction.SUBMIT, null));
        prepareCertification(rejected);
        ok(review.reject(reviewer, rejected, "根拠不十分"));
        long other =
                draft(LocalDate.of(2023, 4, 1), applications.loadForm(rejected).getSiteGeojson());

        ok(submissions.move(applicant, other, WorkflowAction.SUBMIT, null));

        assertThat(claims.conflictsOf(other)).isEmpty();
    }

    private long draft(LocalDate year, String site) {
        long id = drafts.create(applicant, "アマモ場");
        ApplicationForm form = EelgrassForm.complete("アマモ場 " + year, "7.8", applicant.email());
        form.getSheet().getYears().get(0).setStart(year);
        if (site != null) {
            form.setSiteGeojson(site);
        }
        ok(drafts.save(applicant, id, form));
        evidence(id);
        return id;
    }

    private void evidence(long id) {
        ok(attachments.store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));
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

    private CreditBatch issued(long applicationId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            var batch = batches.issuedFor(IssuedBatches.certificationReference(applicationId));
            if (batch.isPresent()) {
                return batch.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the certified application's batch was not issued");
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
