package org.amamo.notice.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Refusal;
import org.amamo.platform.SchemeTime;

/**
 * A search of the notice lists: words of the title ({@code title}, case-insensitive, anywhere in the title) and the
 * days, in Japan Standard Time, between which the notice's publication starts ({@code from} and {@code to}, both
 * inclusive). Every part is optional; a null part does not filter.
 */
record NoticeSearch(String title, LocalDate from, LocalDate to) {

    static final int TITLE_MAX = NoticeForm.TITLE_MAX;
    static final NoticeSearch NONE = new NoticeSearch(null, null, null);

    NoticeSearch {
        title = title == null || title.isBlank() ? null : title.strip();
    }

    /** Why the search cannot run, by parameter: a title too long, or a window that ends before it starts. */
    List<Refusal> refusals(String titleField, String toField) {
        List<Refusal> refusals = new ArrayList<>();
        if (title != null && title.length() > TITLE_MAX) {
            refusals.add(Refusal.of(titleField, "notice.search.title.size", TITLE_MAX));
        }
        if (from != null && to != null && to.isBefore(from)) {
            refusals.add(Refusal.of(toField, "notice.search.to-before-from"));
        }
        return refusals;
    }

    /** The first instant of {@code from}, or null. */
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(SchemeTime.ZONE).toInstant();
    }

    /** The first instant after {@code to}, or null. */
    Instant untilInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay(SchemeTime.ZONE).toInstant();
    }

    /** The title as a LIKE pattern, its wildcard characters escaped with a backslash. */
    String titlePattern() {
        return "%"
                + title.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
