package org.amamo.programme.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.amamo.platform.Outcome;
import org.amamo.programme.Programme;
import org.amamo.programme.ProgrammeRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a programme's earlier records, all or nothing, and lists them for the public statistics. */
@Service
class ProgrammeHistory implements ProgrammeRecords {

    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;
    private final Clock clock;

    ProgrammeHistory(JdbcClient jdbc, ProgrammeRepository programmes, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** Imports every row of the CSV, or none: refused as invalid (with line numbers) if any row is bad. */
    @Transactional
    Outcome<Void> importCsv(String text, long importedBy) {
        Outcome<List<HistoryCsv.Row>> parsed = HistoryCsv.parse(
                text, programmes.all().stream().map(Programme::code).collect(Collectors.toSet()));
        if (parsed.refused()) {
            return parsed.cast();
        }
        for (HistoryCsv.Row row : parsed.value()) {
            jdbc.sql("""
                    INSERT INTO programme_history_record (programme_code, fiscal_year, record_kind, credit_type,
                                                          organisation, description, tonnes, imported_by, imported_at,
                                                          users)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            row.programme(),
                            row.fiscalYear(),
                            row.recordKind(),
                            row.creditType(),
                            row.organisation(),
                            row.description(),
                            row.tonnes(),
                            importedBy,
                            clock.instant().atOffset(ZoneOffset.UTC),
                            row.users())
                    .update();
        }
        return Outcome.done();
    }

    boolean isEmpty(String programme) {
        return jdbc.sql("SELECT COUNT(*) FROM programme_history_record WHERE programme_code = ?")
                        .param(programme)
                        .query(Long.class)
                        .single()
                == 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportedRecord> imported(String programme) {
        return jdbc.sql("""
                SELECT programme_code, fiscal_year, record_kind, credit_type, organisation, description, tonnes,
                       users
                  FROM programme_history_record WHERE programme_code = ? ORDER BY fiscal_year DESC, record_kind, id""")
                .param(programme)
                .query((row, n) -> new ImportedRecord(
                        row.getString(1),
                        row.getInt(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getBigDecimal(7),
                        row.getObject(8, Integer.class)))
                .list();
    }
}
