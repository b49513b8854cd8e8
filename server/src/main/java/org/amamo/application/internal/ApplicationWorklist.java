package org.amamo.application.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.platform.Dates;
import org.amamo.platform.SqlTime;
import org.amamo.platform.Worklist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The applications waiting for staff, one heading per state that needs someone: for the secretariat the submitted
 * and resubmitted applications (completeness and fee), hearings to record, reviews to start, committees that have
 * all recorded their findings (public comment to open) and public comments that have ended (the committee decides);
 * for a reviewer the reviews assigned to them and not yet recorded, and the decisions due after public comment.
 */
@Component
class ApplicationWorklist implements Worklist {

    private static final String AREA = "applications";
    private static final String RESUBMITTED =
            "EXISTS (SELECT 1 FROM application_transition t WHERE t.application_id = a.id AND t.action = 'RESUBMIT')";
    private static final String ALL_RECORDED =
            "EXISTS (SELECT 1 FROM review_assignment r WHERE r.application_id = a.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM review_assignment r WHERE r.application_id = a.id"
                    + " AND r.recorded_at IS NULL)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dates dates;

    ApplicationWorklist(JdbcClient jdbc, Clock clock, Dates dates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dates = dates;
    }

    @Override
    public List<Item> waitingFor(Set<String> roles, long userId) {
        List<Optional<Item>> items = new ArrayList<>();
        Object now = SqlTime.utc(clock.instant());
        if (roles.contains("SECRETARIAT")) {
            items.add(item("todo.submitted", "SUBMITTED", "a.status = 'SUBMITTED' AND NOT " + RESUBMITTED));
            items.add(item("todo.resubmitted", "SUBMITTED", "a.status = 'SUBMITTED' AND " + RESUBMITTED));
            items.add(item("todo.hearing", "FEE_CONFIRMED", "a.status = 'FEE_CONFIRMED'"));
            items.add(item("todo.start-review", "HEARING_DONE", "a.status = 'HEARING_DONE'"));
            items.add(item("todo.reviews-complete", "IN_REVIEW", "a.status = 'IN_REVIEW' AND " + ALL_RECORDED));
            items.add(item(
                    "todo.comment-ended",
                    "PUBLIC_COMMENT",
                    "a.status = 'PUBLIC_COMMENT' AND a.comment_closes_at <= ?",
                    now));
        }
        if (roles.contains("REVIEWER")) {
            String mine = " AND EXISTS (SELECT 1 FROM review_assignment r WHERE r.application_id = a.id"
                    + " AND r.reviewer_id = ?";
            items.add(item(
                    "todo.review-to-record",
                    null,
                    "a.status = 'IN_REVIEW'" + mine + " AND r.recorded_at IS NULL)",
                    userId));
            items.add(item(
                    "todo.decision",
                    null,
                    "a.status = 'PUBLIC_COMMENT' AND a.comment_closes_at <= ?" + mine + ")",
                    now,
                    userId));
        }
        return items.stream().flatMap(Optional::stream).toList();
    }

    /**
     * The applications matching {@code where} (over {@code application a}), oldest change first; the heading links to
     * the secretariat's list in that status, or for a reviewer ({@code status} null) to their reviews.
     */
    private Optional<Item> item(String titleKey, String status, String where, Object... params) {
        String link = status == null ? "/reviews" : "/secretariat/applications?status=" + status;
        return Worklist.query(
                jdbc,
                AREA,
                titleKey,
                link,
                "a.id, a.name, a.project_id, a.updated_at",
                "FROM application a WHERE " + where,
                "a.updated_at, a.id",
                (row, number) -> new Row(
                        row.getString("name") + " (" + String.format("%04d", row.getLong("project_id")) + ")",
                        dates.date(row.getObject("updated_at", OffsetDateTime.class)
                                .toInstant()),
                        "/applications/" + row.getLong("id") + "#actions"),
                params);
    }
}
