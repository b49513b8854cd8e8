package org.amamo.consultation.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.ConsultationSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ConsultationRepository {

    private static final String APPLICANT_JOIN = """
             FROM consultation c
             JOIN user_account u ON u.id = c.applicant_id
             LEFT JOIN organisation o ON o.id = u.organisation_id
            """;
    private static final String SELECT_SUMMARY = """
            SELECT c.id, c.title, c.status, c.applicant_id, u.full_name, o.name AS organisation_name, c.prefecture,
                   c.place_name, c.message_count, c.opened_at, c.last_activity_at
            """ + APPLICANT_JOIN;

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which consultations a list shows: all null means every consultation. */
    record Filter(Long applicantId, ConsultationStatus status, String text) {}

    /** The parts of a consultation that decide what may be done with it, read under a row lock. */
    record Locked(long id, long applicantId, ConsultationStatus status, int messageCount) {}

    long insert(long applicantId, ConsultationDraft draft, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO consultation (applicant_id, title, summary, prefecture, place_name, continuation,
                    previous_project, implementers_changed, implementer_changes, activities_changed, activity_changes,
                    period_start, period_end, status, opened_at, last_activity_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        applicantId,
                        draft.title(),
                        draft.summary(),
                        draft.prefecture(),
                        draft.placeName(),
                        draft.continuation(),
                        draft.previousProject(),
                        draft.implementersChanged(),
                        draft.implementerChanges(),
                        draft.activitiesChanged(),
                        draft.activityChanges(),
                        draft.periodStart(),
                        draft.periodEnd(),
                        ConsultationStatus.OPEN.name(),
                        utc(now),
                        utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (String ecosystem : draft.ecosystems()) {
            jdbc.sql("INSERT INTO consultation_ecosystem (consultation_id, ecosystem) VALUES (?, ?)")
                    .params(id, ecosystem)
                    .update();
        }
        return id;
    }

    /** Reads and locks the row, so that concurrent posts and closings of one consultation take turns. */
    Optional<Locked> lock(long id) {
        return jdbc.sql("SELECT id, applicant_id, status, message_count FROM consultation WHERE id = ? FOR UPDATE")
                .param(id)
                .query((row, n) -> new Locked(
                        row.getLong("id"),
                        row.getLong("applicant_id"),
                        ConsultationStatus.valueOf(row.getString("status")),
                        row.getInt("message_count")))
                .optional();
    }

    void insertMessage(long consultationId, long authorId, boolean fromSecretariat, String body, Instant now) {
        jdbc.sql("""
                INSERT INTO consultation_message (consultation_id, author_id, from_secretariat, body, posted_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(consultationId, authorId, fromSecretariat, body, utc(now))
                .update();
        jdbc.sql("""
                UPDATE consultation SET message_count = message_count + 1, last_activity_at = ? WHERE id = ?
                """).params(utc(now), consultationId).update();
    }

    void changeStatus(long id, ConsultationStatus status, Instant now) {
        jdbc.sql("UPDATE consultation SET status = ?, last_activity_at = ? WHERE id = ?")
                .params(status.name(), utc(now), id)
                .update();
    }

    void end(long id, ConsultationStatus status, long endedBy, String closeNote, Instant now) {
        jdbc.sql("""
                UPDATE consultation SET status = ?, close_note = ?, ended_by = ?, ended_at = ?, last_activity_at = ?
                 WHERE id = ?
                """)
                .params(status.name(), closeNote, endedBy, utc(now), utc(now), id)
                .update();
    }

    List<ConsultationSummary> list(Filter filter, long offset, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.applicantId() != null) {
            conditions.add("c.applicant_id = :applicant");
            params.put("applicant", filter.applicantId());
        }
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("""
                    (LOWER(c.title) LIKE :p ESCAPE '\\' OR LOWER(u.full_name) LIKE :p ESCAPE '\\'
                     OR LOWER(COALESCE(o.name, '')) LIKE :p ESCAPE '\\' OR u.email LIKE :p ESCAPE '\\')""");
            params.put("p", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String order = " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT :limit OFFSET :offset";
        return jdbc.sql(SELECT_SUMMARY + where + order)
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::mapSummary)
                .list();
    }

    Optional<ConsultationSummary> summary(long id) {
        return jdbc.sql(SELECT_SUMMARY + " WHERE c.id = :id")
                .param("id", id)
                .query(this::mapSummary)
                .optional();
    }

    Optional<ConsultationDetail> find(long id) {
        List<String> ecosystems = ecosystems(id);
        List<ConsultationDetail.Message> messages = messages(id);
        return jdbc.sql("SELECT c.*, u.full_name, o.name AS organisation_name" + APPLICANT_JOIN + " WHERE c.id = ?")
                .param(id)
                .query((row, n) -> mapDetail(row, ecosystems, messages))
                .optional();
    }

    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM consultation").query(Long.class).single() > 0;
    }

    private static ConsultationDetail mapDetail(
            ResultSet row, List<String> ecosystems, List<ConsultationDetail.Message> messages) throws SQLException {
        OffsetDateTime ended = row.getObject("ended_at", OffsetDateTime.class);
        return new ConsultationDetail(
                row.getLong("id"),
                row.getLong("applicant_id"),
                displayName(row.getString("organisation_name"), row.getString("full_name")),
                row.getString("title"),
                row.getString("summary"),
                row.getString("prefecture"),
                row.getString("place_name"),
                ecosystems,
                row.getBoolean("continuation"),
                row.getString("previous_project"),
                row.getBoolean("implementers_changed"),
                row.getString("implementer_changes"),
                row.getBoolean("activities_changed"),
                row.getString("activity_changes"),
                row.getObject("period_start", LocalDate.class),
                row.getObject("period_end", LocalDate.class),
                ConsultationStatus.valueOf(row.getString("status")),
                row.getString("close_note"),
                ended == null ? null : ended.toInstant(),
                instant(row, "opened_at"),
                instant(row, "last_activity_at"),
                messages);
    }

    private List<String> ecosystems(long consultationId) {
        List<String> stored = jdbc.sql("SELECT ecosystem FROM consultation_ecosystem WHERE consultation_id = ?")
                .param(consultationId)
                .query(String.class)
                .list();
        // In the form's order, whatever order the database returns them in.
        return Ecosystems.KEYS.stream().filter(stored::contains).toList();
    }

    private List<ConsultationDetail.Message> messages(long consultationId) {
        return jdbc.sql("""
                SELECT m.id, m.author_id, m.from_secretariat, m.body, m.posted_at, u.full_name,
                       o.name AS organisation_name
                  FROM consultation_message m
                  JOIN user_account u ON u.id = m.author_id
                  LEFT JOIN organisation o ON o.id = u.organisation_id
                 WHERE m.consultation_id = ?
                 ORDER BY m.id
                """)
                .param(consultationId)
                .query((row, n) -> new ConsultationDetail.Message(
                        row.getLong("id"),
                        row.getLong("author_id"),
                        displayName(row.getString("organisation_name"), row.getString("full_name")),
                        row.getBoolean("from_secretariat"),
                        row.getString("body"),
                        instant(row, "posted_at")))
                .list();
    }

    private ConsultationSummary mapSummary(ResultSet row, int rowNumber) throws SQLException {
        return new ConsultationSummary(
                row.getLong("id"),
                row.getString("title"),
                ConsultationStatus.valueOf(row.getString("status")),
                row.getLong("applicant_id"),
                displayName(row.getString("organisation_name"), row.getString("full_name")),
                row.getString("prefecture"),
                row.getString("place_name"),
                row.getInt("message_count"),
                instant(row, "opened_at"),
                instant(row, "last_activity_at"));
    }

    /** As {@code UserSummary.displayName()}: the organisation's name before the person's. */
    private static String displayName(String organisationName, String fullName) {
        return organisationName == null ? fullName : organisationName + " " + fullName;
    }

    /** The text with LIKE's wildcards taken literally: a search for "10%" finds "10%", not "100". */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
