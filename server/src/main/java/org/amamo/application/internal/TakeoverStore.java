package org.amamo.application.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Take-over requests (table {@code project_takeover}) and the project's owner, in plain SQL. */
@Repository
class TakeoverStore {

    private static final String SELECT = """
            SELECT t.id, t.project_id, p.name AS project_name, t.requested_by,
                   COALESCE(ro.name, r.full_name) AS requester_name, t.previous_owner_id,
                   COALESCE(po.name, pr.full_name) AS previous_owner_name, t.statement, t.status, t.requested_at,
                   d.full_name AS decider_name, t.decided_at, t.decision_reason
              FROM project_takeover t
              JOIN project p ON p.id = t.project_id
              JOIN user_account r ON r.id = t.requested_by
              LEFT JOIN organisation ro ON ro.id = r.organisation_id
              JOIN user_account pr ON pr.id = t.previous_owner_id
              LEFT JOIN organisation po ON po.id = pr.organisation_id
              LEFT JOIN user_account d ON d.id = t.decided_by
            """;

    private final JdbcClient jdbc;

    TakeoverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A project's row: its name, current owner and creation time. */
    record Project(long id, String name, long ownerId, Instant createdAt) {}

    Optional<Project> project(long projectId) {
        return jdbc.sql("SELECT id, name, owner_id, created_at FROM project WHERE id = ?")
                .param(projectId)
                .query((row, n) -> new Project(row.getLong(1), row.getString(2), row.getLong(3), instant(row, 4)))
                .optional();
    }

    /** Locks the project's row, so that two decisions on the same project never interleave. */
    Optional<Project> lockProject(long projectId) {
        return jdbc.sql("SELECT id, name, owner_id, created_at FROM project WHERE id = ? FOR UPDATE")
                .param(projectId)
                .query((row, n) -> new Project(row.getLong(1), row.getString(2), row.getLong(3), instant(row, 4)))
                .optional();
    }

    /** Whether the project has an application that is not yet certified, rejected or withdrawn. */
    boolean hasOpenApplication(long projectId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM application
                 WHERE project_id = ? AND status NOT IN ('CERTIFIED', 'REJECTED', 'WITHDRAWN')""").param(projectId).query(Long.class).single() > 0;
    }

    /** The project's latest application (the highest id), if any. */
    Optional<Long> latestApplication(long projectId) {
        return jdbc.sql("SELECT MAX(id) FROM application WHERE project_id = ?")
                .param(projectId)
                .query((row, n) -> row.getObject(1, Long.class))
                .optional();
    }

    long insert(long projectId, long requestedBy, long previousOwnerId, String statement, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO project_takeover (project_id, requested_by, previous_owner_id, statement, status,
                                              requested_at)
                VALUES (?, ?, ?, ?, 'PENDING', ?)""")
                .params(projectId, requestedBy, previousOwnerId, statement, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Takeover> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(this::map).optional();
    }

    boolean pendingFor(long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM project_takeover WHERE project_id = ? AND status = 'PENDING'")
                        .param(projectId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records the decision, only while the request is pending; returns whether it was recorded. */
    boolean decide(long id, Takeover.Status status, long deciderId, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE project_takeover SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                 WHERE id = ? AND status = 'PENDING'""")
                        .params(status.name(), deciderId, utc(now), reason, id)
                        .update()
                == 1;
    }

    List<Long> projectsOwnedBy(long userId) {
        return jdbc.sql("SELECT id FROM project WHERE owner_id = ?")
                .param(userId)
                .query(Long.class)
                .list();
    }

    void changeOwner(long projectId, long ownerId) {
        jdbc.sql("UPDATE project SET owner_id = ? WHERE id = ?")
                .params(ownerId, projectId)
                .update();
    }

    List<Takeover> withStatus(Takeover.Status status, int limit) {
        return jdbc.sql(SELECT + " WHERE t.status = ? ORDER BY t.id DESC LIMIT ?")
                .params(status.name(), limit)
                .query(this::map)
                .list();
    }

    List<Takeover> requestedBy(long userId, int limit) {
        return jdbc.sql(SELECT + " WHERE t.requested_by = ? ORDER BY t.id DESC LIMIT ?")
                .params(userId, limit)
                .query(this::map)
                .list();
    }

    List<Takeover> ofProject(long projectId) {
        return jdbc.sql(SELECT + " WHERE t.project_id = ? ORDER BY t.id")
                .param(projectId)
                .query(this::map)
                .list();
    }

    /** The name shown for a user: their organisation's, else their own. */
    String shownName(long userId) {
        return jdbc.sql("""
                SELECT COALESCE(o.name, u.full_name) FROM user_account u
                  LEFT JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ?""").param(userId).query(String.class).single();
    }

    private Takeover map(ResultSet row, int rowNumber) throws SQLException {
        return new Takeover(
                row.getLong("id"),
                row.getLong("project_id"),
                row.getString("project_name"),
                row.getLong("requested_by"),
                row.getString("requester_name"),
                row.getLong("previous_owner_id"),
                row.getString("previous_owner_name"),
                row.getString("statement"),
                Takeover.Status.valueOf(row.getString("status")),
                instant(row, "requested_at"),
                row.getString("decider_name"),
                instant(row, "decided_at"),
                row.getString("decision_reason"));
    }
}
