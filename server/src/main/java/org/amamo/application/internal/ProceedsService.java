package org.amamo.application.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.amamo.application.ApplicationCertified;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use of proceeds (資金の使途, seed 000: the creators use the money from the credits for marine climate work): the
 * owner of a certified project reports, per fiscal year from the year of its first certification to the current
 * one, the amount in yen (optional), the kinds of activity and what was done. The reports are public; the
 * secretariat sees which completed years a certified project has not reported.
 */
@Service
class ProceedsService {

    /** The kinds of activity a report may name (bundle keys {@code proceeds.activity.<code>}). */
    static final List<String> ACTIVITIES =
            List.of("conservation", "monitoring", "education", "fisheries", "research", "other");
    /** Longest description (characters). */
    static final int DESCRIPTION_MAX = 2000;
    /** Largest amount (yen): twelve digits. */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999");
    /** Most reports in one open-data answer. */
    static final int EXPORT_MAX = 10_000;

    private final ProceedsStore store;
    private final TakeoverStore projects;
    private final Clock clock;

    ProceedsService(ProceedsStore store, TakeoverStore projects, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.clock = clock;
    }

    /** A report as entered: text fields as typed, checked here. */
    record Entry(String fiscalYear, String amountYen, List<String> activities, String description) {}

    @Transactional
    Outcome<Void> report(AmamoPrincipal actor, long projectId, Entry entry) {
        TakeoverStore.Project project = projects.lockProject(projectId).orElse(null);
        if (project == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (project.ownerId() != actor.userId()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "proceeds.not-owner"));
        }
        Integer firstYear = firstCertifiedYear(projectId);
        if (firstYear == null) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "proceeds.not-certified"));
        }
        List<Refusal> refusals = new ArrayList<>();
        Integer year = year(entry.fiscalYear(), firstYear, currentYear(), refusals);
        BigDecimal amount = amount(entry.amountYen(), refusals);
        List<String> activities = entry.activities() == null
                ? List.of()
                : entry.activities().stream()
                        .filter(a -> a != null && !a.isBlank())
                        .distinct()
                        .toList();
        if (activities.isEmpty()) {
            refusals.add(Refusal.of("activities", "proceeds.activities.required"));
        } else if (!ACTIVITIES.containsAll(activities)) {
            refusals.add(Refusal.of("activities", "proceeds.activities.unknown", String.join(", ", ACTIVITIES)));
        }
        String description =
                entry.description() == null ? "" : entry.description().strip();
        if (description.isEmpty()) {
            refusals.add(Refusal.of("description", "proceeds.description.required"));
        } else if (description.length() > DESCRIPTION_MAX) {
            refusals.add(Refusal.of("description", "proceeds.description.too-long", DESCRIPTION_MAX));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        store.save(projectId, year, amount, activities, description, actor.userId(), clock.instant());
        return Outcome.done();
    }

    @Transactional(readOnly = true)
    List<ProceedsReport> ofProject(long projectId) {
        return store.ofProject(projectId);
    }

    @Transactional(readOnly = true)
    List<ProceedsReport> all() {
        return store.all(EXPORT_MAX);
    }

    /** A certified project and the completed fiscal years it has not reported. */
    record Unreported(long projectId, String name, List<Integer> missingYears) {

        public String projectCode() {
            return String.format("%04d", projectId);
        }
    }

    /**
     * The certified projects that have not reported a completed fiscal year (from the year of their first
     * certification to last year).
     */
    @Transactional(readOnly = true)
    List<Unreported> unreported() {
        int lastCompleted = currentYear() - 1;
        List<Unreported> missing = new ArrayList<>();
        for (ProceedsStore.CertifiedProjectStart project : store.certifiedProjects()) {
            int first = fiscalYear(project.firstCertifiedAt());
            Set<Integer> reported = store.ofProject(project.projectId()).stream()
                    .map(ProceedsReport::fiscalYear)
                    .collect(Collectors.toSet());
            List<Integer> years = IntStream.rangeClosed(first, lastCompleted)
                    .boxed()
                    .filter(year -> !reported.contains(year))
                    .toList();
            if (!years.isEmpty()) {
                missing.add(new Unreported(project.projectId(), project.name(), years));
            }
        }
        return missing;
    }

    /** The fiscal year of the project's first certification, null when it has none. */
    Integer firstCertifiedYear(long projectId) {
        return store.certifiedProjects().stream()
                .filter(project -> project.projectId() == projectId)
                .findFirst()
                .map(project -> fiscalYear(project.firstCertifiedAt()))
                .orElse(null);
    }

    int currentYear() {
        return ApplicationCertified.fiscalYear(LocalDate.now(clock.withZone(SchemeTime.ZONE)));
    }

    private static int fiscalYear(java.time.Instant instant) {
        return ApplicationCertified.fiscalYear(LocalDate.ofInstant(instant, SchemeTime.ZONE));
    }

    private static Integer year(String text, int first, int current, List<Refusal> refusals) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{4}")) {
            refusals.add(
                    Refusal.of("fiscalYear", "proceeds.year.invalid", String.valueOf(first), String.valueOf(current)));
            return null;
        }
        int year = Integer.parseInt(value);
        if (year < first || year > current) {
            refusals.add(
                    Refusal.of("fiscalYear", "proceeds.year.invalid", String.valueOf(first), String.valueOf(current)));
            return null;
        }
        return year;
    }

    private static BigDecimal amount(String text, List<Refusal> refusals) {
        String value = text == null ? "" : text.strip().replace(",", "");
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{1,12}")) {
            refusals.add(Refusal.of("amountYen", "proceeds.amount.invalid", AMOUNT_MAX.toPlainString()));
            return null;
        }
        return new BigDecimal(value);
    }
}
