package org.amamo.application.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Use-of-proceeds reports (table {@code project_proceeds}), in plain SQL. */
@Repository
class ProceedsStore {

    private static final String SELECT = """
            SELECT r.project_id, p.name, r.fiscal_year, r.amount_yen, r.activities, r.description, r.recorded_at
              FROM project_proceeds r JOIN project p ON p.id = r.project_id
            """;

    private final JdbcClient jdbc;

    ProceedsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the year's report, replacing an earlier one of the same year. */
    void save(
            long projectId,
            int fiscalYear,
            BigDecimal amountYen,
            List<String> activities,
            String description,
            long userId,
            Instant now) {
        int updated = jdbc.sql("""
                UPDATE project_proceeds SET amount_yen = ?, activities = ?, description = ?, recorded_by = ?,
                                            recorded_at = ?
                 WHERE project_id = ? AND fiscal_year = ?""")
                .params(amountYen, String.join(",", activities), description, userId, utc(now), projectId, fiscalYear)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO project_proceeds (project_id, fiscal_year, amount_yen, activities, description,
                                                  recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectId,
                            fiscalYear,
                            amountYen,
                            String.join(",", activities),
                            description,
                            userId,
                            utc(now))
                    .update();
        }
    }

    List<ProceedsReport> ofProject(long projectId) {
        return jdbc.sql(SELECT + " WHERE r.project_id = ? ORDER BY r.fiscal_year DESC")
                .param(projectId)
                .query(this::map)
                .list();
    }

    List<ProceedsReport> all(int limit) {
        return jdbc.sql(SELECT + " ORDER BY r.project_id, r.fiscal_year LIMIT ?")
                .param(limit)
                .query(this::map)
                .list();
    }

    /** Each certified project with the day of its first certification (project id, name, first certified at). */
    record CertifiedProjectStart(long projectId, String name, long ownerId, Instant firstCertifiedAt) {}

    List<CertifiedProjectStart> certifiedProjects() {
        return jdbc.sql("""
                SELECT p.id, p.name, p.owner_id, MIN(a.certified_at) FROM project p
                  JOIN application a ON a.project_id = p.id AND a.status = 'CERTIFIED'
                 GROUP BY p.id, p.name, p.owner_id ORDER BY p.id""")
                .query((row, n) ->
                        new CertifiedProjectStart(row.getLong(1), row.getString(2), row.getLong(3), instant(row, 4)))
                .list();
    }

    private ProceedsReport map(ResultSet row, int rowNumber) throws SQLException {
        return new ProceedsReport(
                row.getLong(1),
                row.getString(2),
                row.getInt(3),
                row.getBigDecimal(4),
                Arrays.asList(row.getString(5).split(",")),
                row.getString(6),
                instant(row, 7));
    }
}
