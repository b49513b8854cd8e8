package org.amamo.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.amamo.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review's records: the committee's reviewers with their findings and certainty, the public's comments, and
 * the review's columns of an application (its hearing, its comment window and its certified figures).
 */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reviewer's assignment and, once recorded, their findings and certainty per component. */
    record Review(long reviewerId, String reviewerName, String findings, String certaintyJson, Instant recordedAt) {
        public boolean recorded() {
            return recordedAt != null;
        }
    }

    /** A comment from the public. */
    record PublicComment(long id, String authorName, String body, Instant postedAt) {}

    boolean assign(long applicationId, long reviewerId) {
        boolean already =
                jdbc.sql("SELECT COUNT(*) FROM review_assignment WHERE application_id = ? AND reviewer_id = ?")
                                .params(applicationId, reviewerId)
                                .query(Long.class)
                                .single()
                        > 0;
        if (!already) {
            jdbc.sql("INSERT INTO review_assignment (application_id, reviewer_id) VALUES (?, ?)")
                    .params(applicationId, reviewerId)
                    .update();
        }
        return !already;
    }

    List<Review> reviews(long applicationId) {
        return jdbc.sql("""
                SELECT r.reviewer_id, u.full_name, r.findings, r.certainty_json, r.recorded_at
                  FROM review_assignment r JOIN user_account u ON u.id = r.reviewer_id
                 WHERE r.application_id = ? ORDER BY u.full_name, r.reviewer_id""").param(applicationId).query(this::mapReview).list();
    }

    void record(long applicationId, long reviewerId, String findings, String certaintyJson, Instant now) {
        jdbc.sql("""
                UPDATE review_assignment SET findings = ?, certainty_json = ?, recorded_at = ?
                 WHERE application_id = ? AND reviewer_id = ?""")
                .params(findings, certaintyJson, SqlTime.utc(now), applicationId, reviewerId)
                .update();
    }

    void comment(long applicationId, String authorName, String body, Instant now) {
        jdbc.sql("INSERT INTO public_comment (application_id, author_name, body, posted_at) VALUES (?, ?, ?, ?)")
                .params(applicationId, authorName, body, SqlTime.utc(now))
                .update();
    }

    List<PublicComment> comments(long applicationId) {
        return jdbc.sql(
                        "SELECT id, author_name, body, posted_at FROM public_comment WHERE application_id = ? ORDER BY id")
                .param(applicationId)
                .query((row, n) -> new PublicComment(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The user ids of the application's assigned reviewers. */
    List<Long> reviewerIds(long applicationId) {
        return jdbc.sql("SELECT reviewer_id FROM review_assignment WHERE application_id = ?")
                .param(applicationId)
                .query(Long.class)
                .list();
    }

    void recordHearing(long applicationId, LocalDate heldOn, String place, String record) {
        jdbc.sql("UPDATE application SET hearing_held_on = ?, hearing_place = ?, hearing_record = ? WHERE id = ?")
                .params(heldOn, place, record, applicationId)
                .update();
    }

    /** When and where the application's hearing is to be held, as the secretariat set it. */
    record HearingPlan(Instant at, String venue) {}

    void scheduleHearing(long applicationId, Instant at, String venue) {
        jdbc.sql("UPDATE application SET hearing_scheduled_at = ?, hearing_venue = ? WHERE id = ?")
                .params(SqlTime.utc(at), venue, applicationId)
                .update();
    }

    /** The hearing's schedule, if the secretariat set one. */
    java.util.Optional<HearingPlan> hearingPlan(long applicationId) {
        return jdbc.sql("SELECT hearing_scheduled_at, hearing_venue FROM application WHERE id = ?")
                .param(applicationId)
                .query((row, n) -> {
                    Instant at = SqlTime.instant(row, "hearing_scheduled_at");
                    return at == null ? null : new HearingPlan(at, row.getString("hearing_venue"));
                })
                .optional();
    }

    void openCommentWindow(long applicationId, Instant opens, Instant closes) {
        jdbc.sql("UPDATE application SET comment_opens_at = ?, comment_closes_at = ? WHERE id = ?")
                .params(SqlTime.utc(opens), SqlTime.utc(closes), applicationId)
                .update();
    }

    /** Freezes the certified figures: units, the sheet as certified, its result and methodology version. */
    void certify(long applicationId, long units, String sheetJson, String resultJson, String version, Instant now) {
        jdbc.sql("""
                UPDATE application SET certified_units = ?, certified_sheet = ?, certified_result = ?,
                       certified_version = ?, certified_at = ?
                 WHERE id = ?""")
                .params(units, sheetJson, resultJson, version, SqlTime.utc(now), applicationId)
                .update();
    }

    private Review mapReview(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime recorded = row.getObject("recorded_at", OffsetDateTime.class);
        return new Review(
                row.getLong("reviewer_id"),
                row.getString("full_name"),
                row.getString("findings"),
                row.getString("certainty_json"),
                recorded == null ? null : recorded.toInstant());
    }
}
