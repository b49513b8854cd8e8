package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.ApplicationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.review.internal.ReviewDriver;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The application workflow through its service, on a real database: every rule of issue 5's journey. */
@SpringBootTest
@RecordApplicationEvents
@Import({TestUsers.class, ReviewDriver.class})
class ApplicationWorkflowTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
    ApplicationEvents events;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;
    AmamoPrincipal reviewer;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
        reviewer = users.committeeReviewer(null);
    }

    long draft(String area) {
        long id = drafts.create(applicant, "アマモ場");
        assertThat(drafts.save(applicant, id, EelgrassForm.complete("アマモ場", area, applicant.email()))
                        .refusals())
                .isEmpty();
        assertThat(attachments
                        .store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", PDF)
                        .refusals())
                .isEmpty();
        return id;
    }

    long inReview(String area) {
        long id = draft(area);
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ok(submissions.confirmFee(secretariat, id, "INV-1"));
        ok(review.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "海の公園", "潜水調査の記録を確認"));
        ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ok(review.startReview(secretariat, id));
        return id;
    }

    static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }

    ApplicationStatus status(long id) {
        return applications.find(id).orElseThrow().status();
    }

    @Test
    void theWholeJourneyCertifiesTheMethodologyResultWithTheCommitteesCertainty() {
        long id = draft("7.8");
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ok(submissions.move(secretariat, id, WorkflowAction.RETURN, "調査日を追記してください"));
        assertThat(status(id)).isEqualTo(ApplicationStatus.RETURNED);
        ok(drafts.save(applicant, id, EelgrassForm.complete("アマモ場（修正）", "7.8", applicant.email())));
        ok(submissions.move(applicant, id, WorkflowAction.RESUBMIT, null));
        ok(submissions.confirmFee(secretariat, id, "INV-2026-1"));
        ok(review.recordHearing(secretariat, id, LocalDate.now(clock), "海の公園", "水中写真を確認"));
        ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ok(review.startReview(secretariat, id));
        ok(review.recordReview(
                reviewer,
                id,
                "面積は写真の範囲で確実性0.90",
                Map.of("eelgrass", Map.of("areaCertainty", "0.90", "coefficientCertainty", "1.00"))));
        Instant now = clock.instant();
        ok(review.openPublicComment(secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
        ok(review.assessQualityAsMet(reviewer, id));
        ok(review.certify(reviewer, id, null));

        StoredApplication certified = applications.find(id).orElseThrow();
        // 7.8 ha x 1.58 t-CO2/ha/yr x 0.90 x 1.00 = 11.0916 t, rounded down once: 11.0 t = 110 units.
        assertThat(certified.status()).isEqualTo(ApplicationStatus.CERTIFIED);
        assertThat(certified.certifiedUnits()).isEqualTo(110);
        assertThat(certified.certifiedVersion()).isEqualTo("jbe-2.3-ranges");
        assertThat(certified.certifiedResult())
                .contains("\"uptakeT\": \"11.0916\"")
                .contains("\"creditUnits\": 110");
        // The sheet is frozen as certified: the applicant's figures with the committee's certainty in them.
        CertifiedSheetView sheet =
                CertifiedSheetView.of(json, applications.certifiedSheet(id), certified.certifiedResult());
        assertThat(sheet.type()).isEqualTo("removal");
        assertThat(sheet.creditT()).isEqualTo("11.0");
        assertThat(sheet.years()).singleElement().satisfies(year -> {
            assertThat(year.totals()).containsEntry("netT", "11.0916");
            assertThat(year.components()).singleElement().satisfies(component -> {
                assertThat(component.inputs())
                        .containsEntry("areaHa", "7.8")
                        .containsEntry("coefficient", "1.58")
                        .containsEntry("areaCertainty", "0.90")
                        .containsEntry("coefficientCertainty", "1.00");
                assertThat(component.results()).containsEntry("uptakeT", "11.0916");
            });
        });
        assertThat(events.stream(ApplicationCertified.class)).singleElement().satisfies(event -> {
            assertThat(event.units()).isEqualTo(110);
            assertThat(event.vintage()).isEqualTo(2025);
            assertThat(event.creditType()).isEqualTo("removal");
            assertThat(event.projectCode()).isEqualTo(certified.projectCode());
            assertThat(event.holders()).singleElement().satisfies(holder -> {
                assertThat(holder.userId()).isEqualTo(applicant.userId());
                assertThat(holder.sharePercent()).isEqualByComparingTo("100");
            });
        });
        assertThat(applications.transitions(id))
                .extracting(ApplicationRepository.Transition::toStatus)
                .containsExactly(
                        "SUBMITTED",
                        "RETURNED",
                        "SUBMITTED",
                        "FEE_CONFIRMED",
                        "HEARING_DONE",
                        "IN_REVIEW",
                        "PUBLIC_COMMENT",
                        "CERTIFIED");
        assertThat(applications.transitions(id).get(1).comment()).isEqualTo("調査日を追記してください");
        long notified = jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ?")
                .param(applicant.userId())
                .query(Long.class)
                .single();
        assertThat(notified).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aCertifiedReductionSheetIsAnnouncedAsReductionUnderTheYokohamaPrefix() {
        long id = drafts.create(applicant, "タグボート");
        ok(drafts.save(applicant, id, TugboatForm.complete("タグボート", applicant.email())));
        // A reduction's evidence is the baseline's, not an area survey.
        assertThat(submissions.completeness(applications.find(id).orElseThrow()))
                .extracting(Refusal::messageKey)
                .containsExactly("application.baseline-evidence.required");
        ok(attachments.store(id, applicant.userId(), "BASELINE", "fuel-log.pdf", PDF));
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ok(submissions.confirmFee(secretariat, id, "INV-YBC"));
        ok(review.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "横浜港", "燃料記録を確認"));
        ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ok(review.startReview(secretariat, id));
        ok(review.recordReview(reviewer, id, "妥当", Map.of(TugboatForm.COMPONENT, Map.of("certainty", "1.00"))));
        Instant now = clock.instant();
        ok(review.openPublicComment(secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
        ok(review.assessQualityAsMet(reviewer, id));
        ok(review.certify(reviewer, id, null));
        assertThat(events.stream(ApplicationCertified.class)).singleElement().satisfies(event -> {
            assertThat(event.creditType()).isEqualTo("reduction");
            assertThat(event.programmePrefix()).isEqualTo("YBC");
            assertThat(event.methodologyVersion()).isEqualTo("yokohama-2019-reduction");
            assertThat(event.units()).isEqualTo(1032);
        });
    }

    @Test
    void submittingAnEmptyDraftListsEveryMissingFieldAndChangesNothing() {
        long id = drafts.create(applicant, "");
        List<Refusal> refusals =
                submissions.move(applicant, id, WorkflowAction.SUBMIT, null).refusals();
        assertThat(refusals)
                .extracting(Refusal::field)
                .contains(
                        "name",
                        "categories",
                        "overview",
                        "rolesDescription",
                        "whyCredits",
                        "extensionPlan",
                        "periodActivities",
                        "startDate",
                        "prefecture",
                        "siteGeojson",
                        "plants",
                        "areaBasis",
                        "coefficientBasis",
                        "baselineRationale",
                        "attachments",
                        "holders");
        assertThat(refusals).anyMatch(refusal -> refusal.field().startsWith("sheet"));
        assertThat(status(id)).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(applications.transitions(id)).isEmpty();
    }

    @Test
    void sharesMustTotalExactlyOneHundredPercentAndHoldersMustBeRegistered() {
        long id = draft("7.8");
        ApplicationForm form = applications.loadForm(id);
        form.getHolders().get(0).setSharePercent("60");
        ApplicationForm.HolderForm other = new ApplicationForm.HolderForm();
        other.setEmail("nobody@example.invalid");
        other.setSharePercent("39.99");
        form.getHolders().add(other);
        List<Refusal> saved = drafts.save(applicant, id, form).refusals();
        assertThat(saved).extracting(Refusal::field).containsExactly("holders[1].email");
        other.setEmail(secretariat.email());
        ok(drafts.save(applicant, id, form));
        assertThat(submissions.move(applicant, id, WorkflowAction.SUBMIT, null).refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("application.shares.total");
        other.setSharePercent("40");
        ok(drafts.save(applicant, id, form));
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
    }

    @Test
    void onlyTheApplicantsEditAndOnlyWhileDraftOrReturned() {
        long id = draft("2.0");
        AmamoPrincipal stranger = users.create(Role.APPLICANT);
        ApplicationForm form = applications.loadForm(id);
        form.setName("乗っ取り");
        assertThat(drafts.save(stranger, id, form).refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("application.edit.not-yours");
        assertThat(drafts.save(secretariat, id, form).refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("application.edit.not-yours");
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        assertThat(drafts.save(applicant, id, form).refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("application.edit.wrong-state");
        assertThat(applications.loadForm(id).getName()).isEqualTo("アマモ場");
    }

    @Test
    void aCreditingYearThatHasNotEndedIsRefusedAtSubmission() {
        long id = draft("2.0");
        ApplicationForm form = applications.loadForm(id);
        form.getSheet().getYears().get(0).setStart(LocalDate.now(clock).minusMonths(6));
        ok(drafts.save(applicant, id, form));
        List<Refusal> refusals =
                submissions.move(applicant, id, WorkflowAction.SUBMIT, null).refusals();
        assertThat(refusals).isNotEmpty().allMatch(refusal -> refusal.field().startsWith("sheet"));
        assertThat(status(id)).isEqualTo(ApplicationStatus.DRAFT);
    }

    @Test
    void anAttachmentMustBeAPdfOrAnImageWithinTheSizeLimit() {
        long id = drafts.create(applicant, "x");
        assertThat(attachments
                        .store(id, applicant.userId(), "AREA_BASIS", "x.exe", "MZ...".getBytes())
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("attachment.type");
        assertThat(attachments
                        .store(
                                id,
                                applicant.userId(),
                                "AREA_BASIS",
                                "big.pdf",
                                new byte[(int) AttachmentStore.MAX_BYTES + 1])
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("upload.too-large");
        ok(attachments.store(id, applicant.userId(), "AREA_BASIS", "ok.pdf", PDF));
        assertThat(attachments.list(id))
                .singleElement()
                .satisfies(attachment -> assertThat(attachment.sha256()).isEqualTo(org.amamo.platform.Sha256.hex(PDF)));
    }

    @Test
    void aMethodologyVersionTheProgrammeDoesNotAcceptIsRefusedWithAClearMessage() {
        long id = draft("7.8");
        ApplicationForm form = applications.loadForm(id);
        form.setProgrammeCode("JBC");
        form.getSheet().setMethodologyVersion("yokohama-2019");
        assertThat(drafts.save(applicant, id, form).refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo("sheet.methodologyVersion");
            assertThat(refusal.messageKey()).isEqualTo("application.methodology.not-accepted");
            assertThat(refusal.arguments()).containsExactly("yokohama-2019", "Jブルークレジット", "jbe-2.3, jbe-2.3-ranges");
        });
        form.setProgrammeCode("NOPE");
        assertThat(drafts.save(applicant, id, form).refusals())
                .extracting(Refusal::field)
                .containsExactly("programmeCode");
        assertThat(applications.loadForm(id).getSheet().getMethodologyVersion()).isEqualTo("jbe-2.3-ranges");
    }

    @Test
    void aYokohamaCertificationCarriesTheYokohamaSerialPrefix() {
        long id = draft("7.8");
        ApplicationForm form = applications.loadForm(id);
        form.setProgrammeCode("YBC");
        form.getSheet().setMethodologyVersion("yokohama-2019");
        ok(drafts.save(applicant, id, form));
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ok(submissions.confirmFee(secretariat, id, "INV-Y"));
        ok(review.recordHearing(secretariat, id, LocalDate.now(clock), "横浜市", "記録"));
        ok(review.assignReviewer(secretariat, id, reviewer.userId()));
        ok(review.startReview(secretariat, id));
        ok(review.recordReview(
                reviewer,
                id,
                "所見",
                Map.of("eelgrass", Map.of("areaCertainty", "1.00", "coefficientCertainty", "1.00"))));
        Instant now = clock.instant();
        ok(review.openPublicComment(secretariat, id, now.minus(Duration.ofDays(20)), now.minus(Duration.ofSeconds(1))));
        ok(review.assessQualityAsMet(reviewer, id));
        ok(review.certify(reviewer, id, null));
        // seed 001: 7.8 ha x 1.58 = 12.324 -> 12.3 t-CO2.
        assertThat(applications.find(id).orElseThrow().certifiedUnits()).isEqualTo(123);
        assertThat(events.stream(ApplicationCertified.class)).singleElement().satisfies(event -> {
            assertThat(event.programmePrefix()).isEqualTo("YBC");
            assertThat(event.certifier()).isEqualTo("横浜市");
            assertThat(event.methodologyVersion()).isEqualTo("yokohama-2019");
        });
    }

    @Test
    void aClosedGpsSurveyTrackInGpxBecomesTheSiteAndAnOpenOneIsRefused() {
        long id = draft("7.8");
        String closed = gpx("<trkpt lat=\"35.3330\" lon=\"139.6270\"/><trkpt lat=\"35.3330\" lon=\"139.6303\"/>"
                + "<trkpt lat=\"35.3353\" lon=\"139.6303\"/><trkpt lat=\"35.3353\" lon=\"139.6270\"/>"
                + "<trkpt lat=\"35.3330\" lon=\"139.6270\"/>");
        ok(drafts.replaceSite(applicant, id, closed));
        assertThat(applications.loadForm(id).getSiteGeojson()).contains("139.627");
        assertThat(applications.find(id).orElseThrow().siteAreaHectares())
                .isBetween(new java.math.BigDecimal("7.5"), new java.math.BigDecimal("7.9"));
        String open = gpx("<trkpt lat=\"35.3330\" lon=\"139.6270\"/><trkpt lat=\"35.3330\" lon=\"139.6303\"/>"
                + "<trkpt lat=\"35.3353\" lon=\"139.6303\"/><trkpt lat=\"35.3390\" lon=\"139.6200\"/>");
        assertThat(drafts.replaceSite(applicant, id, open).refusals())
                .isNotEmpty()
                .allMatch(refusal -> refusal.field().equals("siteGeojson"));
        assertThat(applications.loadForm(id).getSiteGeojson()).contains("139.627");
    }

    static String gpx(String points) {
        return "<?xml version=\"1.0\"?><gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                + "<trk><trkseg>" + points + "</trkseg></trk></gpx>";
    }
}
