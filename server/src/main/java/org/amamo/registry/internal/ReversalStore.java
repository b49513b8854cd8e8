package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The reversal records: what the secretariat recorded and what the registry cancelled from the buffer for it. */
@Repository
public class ReversalStore {

    private static final String REVERSAL = """
            SELECT id, entry_id, programme_code, project_code, project_name, occurred_on, area_ha, lost_units,
                   own_units, pool_units, shortfall_units, cause, evidence, evidence_url, recorded_at
              FROM registry_reversal
            """;

    private final JdbcClient jdbc;

    ReversalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A reversal as recorded: the loss (date, area, units of 0.1 t-CO2 lost, cause, evidence) and how it was covered:
     * {@code ownUnits} from the project's own buffer units, {@code poolUnits} from other projects' units of the pool,
     * {@code shortfallUnits} not covered (owed by the project).
     */
    public record ReversalRow(
            long id,
            long entryId,
            String programmeCode,
            String projectCode,
            String projectName,
            LocalDate occurredOn,
            BigDecimal areaHectares,
            long lostUnits,
            long ownUnits,
            long poolUnits,
            long shortfallUnits,
            String cause,
            String evidence,
            String evidenceUrl,
            Instant recordedAt) {

        /** The units cancelled from the buffer for it. */
        public long cancelledUnits() {
            return ownUnits + poolUnits;
        }

        /** The entry's payload, as {@link BufferDesk} wrote it and the verifier rebuilds it. */
        Payload payload() {
            return new Payload()
                    .with("programme", programmeCode)
                    .with("projectCode", projectCode)
                    .with("occurredOn", occurredOn)
                    .with("areaHa", areaHectares.stripTrailingZeros().toPlainString())
                    .with("lostUnits", lostUnits)
                    .with("ownUnits", ownUnits)
                    .with("poolUnits", poolUnits)
                    .with("shortfallUnits", shortfallUnits)
                    .with("cause", cause)
                    .with("evidence", evidence)
                    .with("evidenceUrl", evidenceUrl);
        }
    }

    long insert(ReversalRow row) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_reversal (entry_id, programme_code, project_code, project_name, occurred_on,
                       area_ha, lost_units, own_units, pool_units, shortfall_units, cause, evidence, evidence_url,
                       recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        row.entryId(),
                        row.programmeCode(),
                        row.projectCode(),
                        row.projectName(),
                        row.occurredOn(),
                        row.areaHectares(),
                        row.lostUnits(),
                        row.ownUnits(),
                        row.poolUnits(),
                        row.shortfallUnits(),
                        row.cause(),
                        row.evidence(),
                        row.evidenceUrl(),
                        utc(row.recordedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** A programme's reversals, newest first. */
    public List<ReversalRow> ofProgramme(String programmeCode) {
        return jdbc.sql(REVERSAL + " WHERE programme_code = ? ORDER BY id DESC")
                .param(programmeCode)
                .query(ReversalStore::map)
                .list();
    }

    /** The units already recorded as lost by a project of a programme. */
    long lostUnits(String programmeCode, String projectCode) {
        return jdbc.sql("SELECT COALESCE(SUM(lost_units), 0) FROM registry_reversal WHERE programme_code = ? "
                        + "AND project_code = ?")
                .params(programmeCode, projectCode)
                .query(Long.class)
                .single();
    }

    /** The reversals of the entries {@code afterEntryId < entry <= lastEntryId}, for the verifier. */
    List<ReversalRow> ofEntries(long afterEntryId, long lastEntryId) {
        return jdbc.sql(REVERSAL + " WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id")
                .params(afterEntryId, lastEntryId)
                .query(ReversalStore::map)
                .list();
    }

    private static ReversalRow map(ResultSet row, int n) throws SQLException {
        return new ReversalRow(
                row.getLong("id"),
                row.getLong("entry_id"),
                row.getString("programme_code"),
                row.getString("project_code"),
                row.getString("project_name"),
                row.getObject("occurred_on", LocalDate.class),
                row.getBigDecimal("area_ha"),
                row.getLong("lost_units"),
                row.getLong("own_units"),
                row.getLong("pool_units"),
                row.getLong("shortfall_units"),
                row.getString("cause"),
                row.getString("evidence"),
                row.getString("evidence_url"),
                instant(row, "recorded_at"));
    }
}
