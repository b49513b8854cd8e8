package org.amamo.registry.internal.read;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.amamo.platform.SchemeTime;
import org.amamo.platform.SqlTime;
import org.amamo.registry.CreditType;
import org.amamo.registry.RetirementStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums the public retirement records by fiscal year, programme, purpose, credit type and project. The database
 * does the summing, one query per fiscal year between the first and the last retirement, each over the half-open
 * range [1 April 00:00 JST, next 1 April 00:00 JST): the same in H2 and PostgreSQL, with no time-zone arithmetic in
 * SQL.
 */
@Service
@Transactional(readOnly = true)
class RetirementStatisticsQuery implements RetirementStatistics {

    private final JdbcClient jdbc;

    RetirementStatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RetiredUnits> retired() {
        record Span(Instant first, Instant last) {}
        Span span = jdbc.sql("SELECT MIN(retired_at), MAX(retired_at) FROM registry_retirement")
                .query((row, n) -> new Span(SqlTime.instant(row, 1), SqlTime.instant(row, 2)))
                .single();
        if (span.first() == null) {
            return List.of();
        }
        List<RetiredUnits> groups = new ArrayList<>();
        for (int year = fiscalYear(span.first()); year <= fiscalYear(span.last()); year++) {
            groups.addAll(year(year));
        }
        groups.sort(Comparator.comparingInt(RetiredUnits::fiscalYear)
                .thenComparing(RetiredUnits::programmePrefix)
                .thenComparing(RetiredUnits::purpose)
                .thenComparing(RetiredUnits::creditType)
                .thenComparing(RetiredUnits::projectCode));
        return groups;
    }

    @Override
    public List<Beneficiary> beneficiaries() {
        record Span(Instant first, Instant last) {}
        Span span = jdbc.sql("SELECT MIN(retired_at), MAX(retired_at) FROM registry_retirement")
                .query((row, n) -> new Span(SqlTime.instant(row, 1), SqlTime.instant(row, 2)))
                .single();
        if (span.first() == null) {
            return List.of();
        }
        List<Beneficiary> beneficiaries = new ArrayList<>();
        for (int year = fiscalYear(span.first()); year <= fiscalYear(span.last()); year++) {
            int fiscalYear = year;
            beneficiaries.addAll(jdbc.sql("""
                    SELECT DISTINCT b.programme_prefix, r.purpose, r.beneficiary
                      FROM registry_retirement r
                      JOIN registry_retirement_batch b ON b.retirement_id = r.id
                     WHERE r.retired_at >= :from AND r.retired_at < :to
                    """)
                    .param("from", SqlTime.utc(start(fiscalYear)))
                    .param("to", SqlTime.utc(start(fiscalYear + 1)))
                    .query((row, n) ->
                            new Beneficiary(row.getString(1), fiscalYear, row.getString(2), row.getString(3)))
                    .list());
        }
        return beneficiaries;
    }

    private List<RetiredUnits> year(int fiscalYear) {
        return jdbc.sql("""
                SELECT b.programme_prefix, r.purpose, b.credit_type, b.project_code,
                       SUM(m.last_serial - m.first_serial + 1) AS units
                  FROM registry_retirement r
                  JOIN registry_movement m ON m.entry_id = r.entry_id
                  JOIN registry_batch b ON b.id = m.batch_id
                 WHERE r.retired_at >= :from AND r.retired_at < :to
                 GROUP BY b.programme_prefix, r.purpose, b.credit_type, b.project_code
                """)
                .param("from", SqlTime.utc(start(fiscalYear)))
                .param("to", SqlTime.utc(start(fiscalYear + 1)))
                .query((row, n) -> new RetiredUnits(
                        row.getString(1),
                        fiscalYear,
                        row.getString(2),
                        CreditType.valueOf(row.getString(3)),
                        row.getString(4),
                        row.getLong(5)))
                .list();
    }

    /** Japan's fiscal year of an instant: April to March, by the date in Asia/Tokyo. */
    static int fiscalYear(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, SchemeTime.ZONE);
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** The first instant of a fiscal year: 1 April 00:00 in Asia/Tokyo. */
    static Instant start(int fiscalYear) {
        return LocalDate.of(fiscalYear, 4, 1).atStartOfDay(SchemeTime.ZONE).toInstant();
    }
}
