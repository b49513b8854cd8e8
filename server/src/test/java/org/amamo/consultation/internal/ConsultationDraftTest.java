package org.amamo.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
import org.junit.jupiter.api.Test;

/** The rules between the fields of a consultation, and against today, as a plain value. */
class ConsultationDraftTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final LocalDate START = LocalDate.of(2024, 4, 1);

    static ConsultationDraft newProject() {
        return new ConsultationDraft(
                "アマモ場",
                "概要",
                "14",
                "横浜市金沢区",
                List.of("seagrass"),
                false,
                null,
                false,
                null,
                false,
                null,
                START,
                LocalDate.of(2025, 3, 31));
    }

    static ConsultationDraft period(LocalDate start, LocalDate end) {
        ConsultationDraft d = newProject();
        return new ConsultationDraft(
                d.title(),
                d.summary(),
                d.prefecture(),
                d.placeName(),
                d.ecosystems(),
                false,
                null,
                false,
                null,
                false,
                null,
                start,
                end);
    }

    static ConsultationDraft continuation(
            String previous,
            boolean implementersChanged,
            String implementerChanges,
            boolean activitiesChanged,
            String activityChanges) {
        ConsultationDraft d = newProject();
        return new ConsultationDraft(
                d.title(),
                d.summary(),
                d.prefecture(),
                d.placeName(),
                d.ecosystems(),
                true,
                previous,
                implementersChanged,
                implementerChanges,
                activitiesChanged,
                activityChanges,
                START,
                d.periodEnd());
    }

    static ConsultationDraft ecosystems(String... keys) {
        ConsultationDraft d = newProject();
        return new ConsultationDraft(
                d.title(),
                d.summary(),
                d.prefecture(),
                d.placeName(),
                List.of(keys),
                false,
                null,
                false,
                null,
                false,
                null,
                d.periodStart(),
                d.periodEnd());
    }

    static List<String> fields(ConsultationDraft draft) {
        return draft.refusals(TODAY).stream().map(Refusal::field).toList();
    }

    static List<String> keys(ConsultationDraft draft) {
        return draft.refusals(TODAY).stream().map(Refusal::messageKey).toList();
    }

    @Test
    void aNewProjectWithOneFiscalYearIsAccepted() {
        assertThat(newProject().refusals(TODAY)).isEmpty();
    }

    @Test
    void periodsOfOneToFiveWholeYearsAreAcceptedAndNothingElse() {
        for (int years = 1; years <= ConsultationDraft.MAX_PERIOD_YEARS; years++) {
            ConsultationDraft draft = period(LocalDate.of(2021, 4, 1), LocalDate.of(2021 + years, 3, 31));
            assertThat(draft.refusals(TODAY)).as("%d years", years).isEmpty();
            assertThat(draft.periodYears()).isEqualTo(years);
        }
        assertThat(keys(period(LocalDate.of(2020, 7, 1), LocalDate.of(2026, 6, 30))))
                .containsExactly("consultation.period.whole-years");
        assertThat(keys(period(START, LocalDate.of(2025, 3, 30)))).containsExactly("consultation.period.whole-years");
        assertThat(keys(period(START, LocalDate.of(2024, 9, 30)))).containsExactly("consultation.period.whole-years");
    }

    @Test
    void anEndOnOrBeforeTheStartIsRefusedOnTheEndDate() {
        assertThat(fields(period(START, START))).containsExactly("periodEnd");
        assertThat(keys(period(START, START.minusDays(1)))).containsExactly("consultation.period.end-before-start");
    }

    @Test
    void thePeriodReachesBackFiveYearsAndNotADayMore() {
        LocalDate earliest = TODAY.minusYears(5);
        assertThat(period(earliest, earliest.plusYears(1).minusDays(1)).refusals(TODAY))
                .isEmpty();
        LocalDate tooEarly = earliest.minusDays(1);
        List<Refusal> refusals =
                period(tooEarly, tooEarly.plusYears(1).minusDays(1)).refusals(TODAY);
        assertThat(refusals)
                .containsExactly(Refusal.of("periodStart", "consultation.period.too-far-back", 5, earliest.toString()));
    }

    @Test
    void aPlannedPeriodMayEndInTheFuture() {
        assertThat(period(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)).refusals(TODAY))
                .isEmpty();
    }

    @Test
    void aContinuationNamesThePastProjectAndDescribesEachTickedChange() {
        assertThat(continuation("横浜港アマモ場再生", true, "NPOが加わった", false, null).refusals(TODAY))
                .isEmpty();
        assertThat(continuation("横浜港アマモ場再生", false, null, false, null).refusals(TODAY))
                .isEmpty();
        assertThat(fields(continuation(null, false, null, false, null))).containsExactly("previousProject");
        assertThat(keys(continuation("p", true, null, true, null)))
                .containsExactly("consultation.changes.describe", "consultation.changes.describe");
        assertThat(fields(continuation("p", false, "NPOが加わった", false, "播種を始めた")))
                .containsExactly("implementerChanges", "activityChanges");
    }

    @Test
    void changesWithoutAContinuationAreRefused() {
        ConsultationDraft d = newProject();
        ConsultationDraft changes = new ConsultationDraft(
                d.title(),
                d.summary(),
                d.prefecture(),
                d.placeName(),
                d.ecosystems(),
                false,
                "過去のプロジェクト",
                true,
                "変更",
                false,
                null,
                d.periodStart(),
                d.periodEnd());
        assertThat(keys(changes)).containsExactly("consultation.continuation.required-for-changes");
    }

    @Test
    void ecosystemsAreOneOrMoreKnownKeysEachOnce() {
        assertThat(ecosystems("seagrass", "seaweed", "tidal-flat", "mangrove", "seaweed-farm")
                        .refusals(TODAY))
                .isEmpty();
        assertThat(keys(ecosystems())).containsExactly("consultation.ecosystems.required");
        assertThat(keys(ecosystems("seagrass", "coral"))).containsExactly("consultation.ecosystems.unknown");
        assertThat(keys(ecosystems("seagrass", "seagrass"))).containsExactly("consultation.ecosystems.repeated");
    }

    @Test
    void prefecturesAreTheFortySevenJisCodes() {
        ConsultationDraft d = newProject();
        for (String code : List.of("01", "47")) {
            assertThat(new ConsultationDraft(
                                    d.title(),
                                    d.summary(),
                                    code,
                                    d.placeName(),
                                    d.ecosystems(),
                                    false,
                                    null,
                                    false,
                                    null,
                                    false,
                                    null,
                                    d.periodStart(),
                                    d.periodEnd())
                            .refusals(TODAY))
                    .isEmpty();
        }
        for (String code : List.of("00", "48", "1", "Kanagawa")) {
            assertThat(fields(new ConsultationDraft(
                            d.title(),
                            d.summary(),
                            code,
                            d.placeName(),
                            d.ecosystems(),
                            false,
                            null,
                            false,
                            null,
                            false,
                            null,
                            d.periodStart(),
                            d.periodEnd())))
                    .containsExactly("prefecture");
        }
    }

    @Test
    void partyIsTheApplicantThenTheSecretariatAndNobodyElse() {
        var applicant = principal(1, Role.APPLICANT);
        var secretariat = principal(2, Role.SECRETARIAT);
        var administrator = principal(3, Role.ADMINISTRATOR);
        var otherApplicant = principal(4, Role.APPLICANT);
        assertThat(Party.of(applicant, 1)).contains(Party.APPLICANT);
        assertThat(Party.of(secretariat, 1)).contains(Party.SECRETARIAT);
        assertThat(Party.of(administrator, 1)).contains(Party.SECRETARIAT);
        assertThat(Party.of(secretariat, 2)).contains(Party.APPLICANT);
        assertThat(Party.of(otherApplicant, 1)).isEmpty();
        assertThat(Party.of(null, 1)).isEmpty();
        assertThat(Party.SECRETARIAT.statusAfterMessage()).isEqualTo(ConsultationStatus.ANSWERED);
        assertThat(Party.APPLICANT.statusAfterMessage()).isEqualTo(ConsultationStatus.OPEN);
    }

    @Test
    void likeWildcardsInSearchTextAreTakenLiterally() {
        assertThat(ConsultationRepository.likeEscaped("10%_a\\b")).isEqualTo("10\\%\\_a\\\\b");
    }

    static AmamoPrincipal principal(long id, Role role) {
        return new AmamoPrincipal(id, id + "@example.jp", "n", null, Set.of(role), true, false, null);
    }
}
