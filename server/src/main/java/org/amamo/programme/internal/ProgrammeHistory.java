package org.amamo.programme.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.amamo.platform.Refusal;
import org.amamo.programme.Programme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a programme's earlier records and sums them per fiscal year for its public statistics. */
@Service
class ProgrammeHistory {

    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;
    private final Clock clock;

    ProgrammeHistory(JdbcClient jdbc, ProgrammeRepository programmes, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** Imports every row of the CSV, or none: returns the refusals (with line numbers) if any row is bad. */
    @Transactional
    List<Refusal> importCsv(String text, long importedBy) {
        HistoryCsv.Parsed parsed = HistoryCsv.parse(text,
                programmes.all().stream().map(Programme::code).collect(Collectors.toSet()));
        if (!parsed.refusals().isEmpty()) {
            return parsed.refusals();
        }
        for (HistoryCsv.Row row : parsed.rows()) {
            jdbc.sql("""
                    INSERT INTO programme_history_record (programme_code, fiscal_year, record_kind, credit_type,
                                                          organisation, description, tonnes, imported_by, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.programme(), row.fiscalYear(), row.recordKind(), row.creditType(), row.organisation(),
                            row.description(), row.tonnes(), importedBy, clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
        return List.of();
    }

    boolean isEmpty(String programme) {
        return jdbc.sql("SELECT COUNT(*) FROM programme_history_record WHERE programme_code = ?").param(programme)
                .query(Long.class).single() == 0;
    }

    /** A year of a programme's imported record: removals and reductions certified, credits used for offsets. */
    record Year(int fiscalYear, BigDecimal removalsCertified, BigDecimal reductionsCertified, BigDecimal offset) {
    }

    @Transactional(readOnly = true)
    List<Year> years(String programme) {
        Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
        jdbc.sql("""
                SELECT fiscal_year, record_kind, credit_type, SUM(tonnes) FROM programme_history_record
                 WHERE programme_code = ? GROUP BY fiscal_year, record_kind, credit_type""").param(programme)
                .query(rowSet -> {
                    BigDecimal[] sums = byYear.computeIfAbsent(rowSet.getInt(1),
                            year -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    int slot = "OFFSET".equals(rowSet.getString(2)) ? 2 : "REMOVAL".equals(rowSet.getString(3)) ? 0 : 1;
                    sums[slot] = sums[slot].add(rowSet.getBigDecimal(4));
                });
        return byYear.entrySet().stream().map(entry -> new Year(entry.getKey(), entry.getValue()[0],
                entry.getValue()[1], entry.getValue()[2])).toList();
    }

    /** Every imported row of a programme, for the record by organisation (seed 001, table 6). */
    record Record(int fiscalYear, String recordKind, String creditType, String organisation, String description,
            BigDecimal tonnes) {
    }

    @Transactional(readOnly = true)
    List<Record> records(String programme) {
        return jdbc.sql("""
                SELECT fiscal_year, record_kind, credit_type, organisation, description, tonnes
                  FROM programme_history_record WHERE programme_code = ? ORDER BY fiscal_year DESC, record_kind, id""")
                .param(programme).query((row, n) -> new Record(row.getInt(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getBigDecimal(6))).list();
    }
}
