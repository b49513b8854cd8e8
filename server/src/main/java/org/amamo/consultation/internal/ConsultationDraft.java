package org.amamo.consultation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.amamo.platform.Refusal;

/**
 * A consultation's description before it is stored, with the rules that span fields. Strings are stripped,
 * blanks are null.
 *
 * <p>The planned crediting period follows seed 003 §1.2 and §2.2.1: it is counted in whole years (one year,
 * or several one-year periods at once), and it may reach back at most {@link #MAX_YEARS_BACK} years. Its end
 * may lie in the future: a consultation comes before the application, which must wait for the period to end.
 */
record ConsultationDraft(
        String title,
        String summary,
        String prefecture,
        String placeName,
        List<String> ecosystems,
        boolean continuation,
        String previousProject,
        boolean implementersChanged,
        String implementerChanges,
        boolean activitiesChanged,
        String activityChanges,
        LocalDate periodStart,
        LocalDate periodEnd) {

    /** The longest crediting period one application may cover, in years. */
    static final int MAX_PERIOD_YEARS = 5;
    /** How far back a crediting period may start, in years before today (seed 003: 遡りは5年を限度). */
    static final int MAX_YEARS_BACK = 5;

    ConsultationDraft {
        ecosystems = List.copyOf(ecosystems);
    }

    /** What is wrong with this description on {@code today}, field by field; empty when it may be stored. */
    List<Refusal> refusals(LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        if (prefecture != null && !Prefectures.known(prefecture)) {
            refusals.add(Refusal.of("prefecture", "consultation.prefecture.unknown"));
        }
        ecosystemRefusals(refusals);
        continuationRefusals(refusals);
        if (periodStart != null && periodEnd != null) {
            periodRefusals(today, refusals);
        }
        return refusals;
    }

    private void ecosystemRefusals(List<Refusal> refusals) {
        if (ecosystems.isEmpty()) {
            refusals.add(Refusal.of("ecosystems", "consultation.ecosystems.required"));
        } else if (!ecosystems.stream().allMatch(Ecosystems::known)) {
            refusals.add(Refusal.of("ecosystems", "consultation.ecosystems.unknown"));
        } else if (new HashSet<>(ecosystems).size() != ecosystems.size()) {
            refusals.add(Refusal.of("ecosystems", "consultation.ecosystems.repeated"));
        }
    }

    private void continuationRefusals(List<Refusal> refusals) {
        if (!continuation) {
            if (previousProject != null
                    || implementersChanged
                    || implementerChanges != null
                    || activitiesChanged
                    || activityChanges != null) {
                refusals.add(Refusal.of("continuation", "consultation.continuation.required-for-changes"));
            }
            return;
        }
        if (previousProject == null) {
            refusals.add(Refusal.of("previousProject", "consultation.previous-project.required"));
        }
        change(implementersChanged, implementerChanges, "implementerChanges", refusals);
        change(activitiesChanged, activityChanges, "activityChanges", refusals);
    }

    /** A change is ticked and described, or neither: the secretariat must not guess which was meant. */
    private static void change(boolean changed, String description, String field, List<Refusal> refusals) {
        if (changed && description == null) {
            refusals.add(Refusal.of(field, "consultation.changes.describe"));
        } else if (!changed && description != null) {
            refusals.add(Refusal.of(field, "consultation.changes.unticked"));
        }
    }

    private void periodRefusals(LocalDate today, List<Refusal> refusals) {
        if (!periodEnd.isAfter(periodStart)) {
            refusals.add(Refusal.of("periodEnd", "consultation.period.end-before-start"));
            return;
        }
        if (periodYears() == 0) {
            refusals.add(Refusal.of(
                    "periodEnd",
                    "consultation.period.whole-years",
                    periodStart.plusYears(1).minusDays(1).toString(),
                    MAX_PERIOD_YEARS));
        }
        LocalDate earliest = today.minusYears(MAX_YEARS_BACK);
        if (periodStart.isBefore(earliest)) {
            refusals.add(
                    Refusal.of("periodStart", "consultation.period.too-far-back", MAX_YEARS_BACK, earliest.toString()));
        }
    }

    /**
     * The period's length in whole years, 1 to {@link #MAX_PERIOD_YEARS}, or 0 when it is not a whole number
     * of years in that range (it must end the day before an anniversary of its start).
     */
    int periodYears() {
        for (int years = 1; years <= MAX_PERIOD_YEARS; years++) {
            if (periodStart.plusYears(years).minusDays(1).equals(periodEnd)) {
                return years;
            }
        }
        return 0;
    }
}
