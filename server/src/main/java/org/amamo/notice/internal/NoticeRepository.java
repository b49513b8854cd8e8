package org.amamo.notice.internal;

import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

    private static final String SELECT =
            "SELECT id, title, body_markdown, publish_start, publish_end, programme_code, title_en, body_markdown_en "
                    + "FROM notice ";

    private static final String PAGE = "ORDER BY publish_start DESC, id DESC LIMIT :limit OFFSET :offset";

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored notice. */
    record StoredNotice(
            long id,
            String title,
            String bodyMarkdown,
            Instant publishStart,
            Instant publishEnd,
            String programmeCode,
            String titleEn,
            String bodyMarkdownEn) {}

    /**
     * Published notices matching the search; of one programme's list (its own and those about every programme) unless
     * null.
     */
    List<StoredNotice> published(Instant now, String programmeCode, NoticeSearch search, int offset, int limit) {
        StatementSpec query = jdbc.sql(SELECT + """
                WHERE publish_start <= :now AND (publish_end IS NULL OR publish_end > :now)
                  AND (CAST(:programme AS VARCHAR) IS NULL OR programme_code IS NULL OR programme_code = :programme)
                """ + conditions(search, "AND") + PAGE)
                .param("now", utc(now))
                .param("programme", programmeCode);
        return page(searched(query, search), offset, limit);
    }

    /** Every notice matching the search, whatever its window. */
    List<StoredNotice> all(NoticeSearch search, int offset, int limit) {
        String where = conditions(search, "WHERE");
        return page(searched(jdbc.sql(SELECT + where + PAGE), search), offset, limit);
    }

    List<StoredNotice> all(int offset, int limit) {
        return all(NoticeSearch.NONE, offset, limit);
    }

    /** The search's conditions, the first joined with {@code first} (WHERE or AND), the others with AND. */
    private static String conditions(NoticeSearch search, String first) {
        List<String> conditions = new ArrayList<>();
        if (search.title() != null) {
            conditions.add("LOWER(title) LIKE :title ESCAPE '\\'");
        }
        if (search.from() != null) {
            conditions.add("publish_start >= :from");
        }
        if (search.to() != null) {
            conditions.add("publish_start < :until");
        }
        if (conditions.isEmpty()) {
            return "";
        }
        return first + " " + String.join(" AND ", conditions) + "\n";
    }

    private static StatementSpec searched(StatementSpec query, NoticeSearch search) {
        if (search.title() != null) {
            query = query.param("title", search.titlePattern());
        }
        if (search.from() != null) {
            query = query.param("from", utc(search.fromInstant()));
        }
        if (search.to() != null) {
            query = query.param("until", utc(search.untilInstant()));
        }
        return query;
    }

    private List<StoredNotice> page(StatementSpec query, int offset, int limit) {
        return query.param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    Optional<StoredNotice> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(this::map).optional();
    }

    long insert(NoticeDraft draft, long authorId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notice (title, body_markdown, publish_start, publish_end, programme_code, created_by,
                                    created_at, updated_at, title_en, body_markdown_en)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        draft.title(),
                        draft.body(),
                        utc(draft.publishStart()),
                        utc(draft.publishEnd()),
                        draft.programmeCode(),
                        authorId,
                        utc(now),
                        utc(now),
                        draft.titleEn(),
                        draft.bodyEn())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(long id, NoticeDraft draft, Instant now) {
        return jdbc.sql("""
                UPDATE notice SET title = ?, body_markdown = ?, publish_start = ?, publish_end = ?, programme_code = ?,
                       updated_at = ?, title_en = ?, body_markdown_en = ?
                 WHERE id = ?
                """)
                        .params(
                                draft.title(),
                                draft.body(),
                                utc(draft.publishStart()),
                                utc(draft.publishEnd()),
                                draft.programmeCode(),
                                utc(now),
                                draft.titleEn(),
                                draft.bodyEn(),
                                id)
                        .update()
                == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM notice WHERE id = ?").param(id).update() == 1;
    }

    private StoredNotice map(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime end = row.getObject("publish_end", OffsetDateTime.class);
        return new StoredNotice(
                row.getLong("id"),
                row.getString("title"),
                row.getString("body_markdown"),
                row.getObject("publish_start", OffsetDateTime.class).toInstant(),
                end == null ? null : end.toInstant(),
                row.getString("programme_code"),
                row.getString("title_en"),
                row.getString("body_markdown_en"));
    }
}
