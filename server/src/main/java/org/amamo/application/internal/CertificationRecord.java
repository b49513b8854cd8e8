package org.amamo.application.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Component;

/**
 * The certification record (seed 001 table 5: implementer, content, certification date, t-CO2) behind
 * {@code /projects/approved}: the certified projects of every programme or of one, sorted by certification date or
 * by quantity, either way.
 */
@Component
class CertificationRecord {

    /** What the record is sorted by: {@code sort=date} (the default) or {@code sort=quantity}. */
    enum SortKey {
        DATE,
        QUANTITY
    }

    /** A sort and its direction ({@code order=desc}, the default, or {@code order=asc}). */
    record Order(SortKey key, boolean ascending) {

        static final Order DEFAULT = new Order(SortKey.DATE, false);

        /** The query parameters' values, as links and the form send them back. */
        public String sort() {
            return key.name().toLowerCase(Locale.ROOT);
        }

        public String order() {
            return ascending ? "asc" : "desc";
        }
    }

    private final CertifiedProjects projects;

    CertificationRecord(CertifiedProjects projects) {
        this.projects = projects;
    }

    /**
     * Reads {@code sort} and {@code order}; blank means the default. Anything else is refused at its parameter with
     * the values it takes.
     */
    static Outcome<Order> order(String sort, String order) {
        SortKey key = SortKey.DATE;
        boolean ascending = false;
        List<Refusal> refusals = new java.util.ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            switch (sort.strip().toLowerCase(Locale.ROOT)) {
                case "date" -> key = SortKey.DATE;
                case "quantity" -> key = SortKey.QUANTITY;
                default -> refusals.add(Refusal.of("sort", "record.sort.unknown", "date, quantity"));
            }
        }
        if (order != null && !order.isBlank()) {
            switch (order.strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> refusals.add(Refusal.of("order", "record.order.unknown", "asc, desc"));
            }
        }
        return refusals.isEmpty()
                ? Outcome.done(new Order(key, ascending))
                : Outcome.refused(RefusalKind.INVALID, refusals);
    }

    /** The certified projects of the programme (null for every programme), sorted, at most {@code limit}. */
    List<CertifiedProject> list(String programme, Order order, int limit) {
        return projects.all().stream()
                .filter(project -> programme == null || programme.equals(project.programmeCode()))
                .sorted(comparator(order))
                .limit(limit)
                .toList();
    }

    /** Ties (the same day, the same quantity) fall back to the newest certification first, then the highest id. */
    static Comparator<CertifiedProject> comparator(Order order) {
        Comparator<CertifiedProject> key = order.key() == SortKey.DATE
                ? Comparator.comparing(CertifiedProject::certifiedAt)
                : Comparator.comparingLong(CertifiedProject::certifiedUnits);
        Comparator<CertifiedProject> directed = order.ascending() ? key : key.reversed();
        return directed.thenComparing(Comparator.comparing(CertifiedProject::certifiedAt)
                .thenComparingLong(CertifiedProject::applicationId)
                .reversed());
    }
}
